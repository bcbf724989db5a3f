CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid, approver_id uuid, status text NOT NULL);
