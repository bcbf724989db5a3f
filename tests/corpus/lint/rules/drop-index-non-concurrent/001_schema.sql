CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, user_id uuid, created_at timestamptz NOT NULL);
CREATE INDEX idx_orders_status ON orders (status);
CREATE INDEX idx_orders_user_id ON orders (user_id);
CREATE INDEX idx_orders_created_at ON orders (created_at);
