-- migrate:up
CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, user_id uuid);
CREATE INDEX idx_orders_status ON orders (status);

-- migrate:down
DROP TABLE orders;
