CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid NOT NULL, amount numeric(12,2) NOT NULL);
CREATE MATERIALIZED VIEW order_totals AS SELECT user_id, sum(amount) AS total FROM orders GROUP BY user_id;
CREATE UNIQUE INDEX idx_order_totals_user_id ON order_totals (user_id);
