CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);
CREATE INDEX idx_orders_status ON orders (status);
