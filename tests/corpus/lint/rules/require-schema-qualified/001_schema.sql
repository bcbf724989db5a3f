CREATE TABLE public.users (id uuid PRIMARY KEY);
CREATE TABLE public.orders (id uuid PRIMARY KEY, user_id uuid NOT NULL, status text NOT NULL);
