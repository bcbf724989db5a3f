CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid NOT NULL, status text NOT NULL, tags jsonb, created_at timestamptz NOT NULL);
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);
CREATE INDEX orders_status_idx ON orders (status);
