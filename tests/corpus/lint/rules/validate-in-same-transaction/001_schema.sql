CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid, amount numeric(12,2) NOT NULL);
