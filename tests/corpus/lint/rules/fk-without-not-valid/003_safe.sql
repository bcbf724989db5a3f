-- lint-rules: fk-without-not-valid
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id_v2 FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user_id_v2;
-- a new column without a default is all NULL: nothing to check
ALTER TABLE orders ADD COLUMN reviewer_id uuid REFERENCES users (id) ON DELETE SET NULL;
-- tables created in this file are empty
CREATE TABLE invoices (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE);
CREATE TABLE refunds (id uuid PRIMARY KEY, order_id uuid NOT NULL);
ALTER TABLE refunds ADD CONSTRAINT fk_refunds_order_id FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE;
