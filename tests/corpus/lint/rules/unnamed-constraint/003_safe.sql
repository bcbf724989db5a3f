-- lint-rules: unnamed-constraint
CREATE TABLE refunds (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL CONSTRAINT fk_refunds_order_id REFERENCES orders (id) ON DELETE CASCADE,
  amount numeric NOT NULL CONSTRAINT chk_refunds_amount CHECK (amount > 0),
  CONSTRAINT uq_refunds_order_id UNIQUE (order_id)
);
ALTER TABLE orders ADD CONSTRAINT chk_orders_total CHECK (total >= 0) NOT VALID;
-- primary keys, NOT NULL and DEFAULT are not checked; USING INDEX takes the index's name
CREATE TABLE notes (id uuid PRIMARY KEY, body text NOT NULL DEFAULT '');
ALTER TABLE users ADD UNIQUE USING INDEX idx_users_email;
