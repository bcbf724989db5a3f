CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);
CREATE UNLOGGED TABLE order_cache (id uuid PRIMARY KEY, payload jsonb);
CREATE INDEX idx_orders_status ON orders (status);
CREATE MATERIALIZED VIEW order_statuses AS SELECT status, count(*) AS n FROM orders GROUP BY status;
