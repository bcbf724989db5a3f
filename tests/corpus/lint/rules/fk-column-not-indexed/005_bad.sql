-- lint-rules: fk-column-not-indexed
-- expect: fk-column-not-indexed
CREATE TABLE payments (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE);
-- a new column that references users, with no index on it
-- expect: fk-column-not-indexed
ALTER TABLE orders ADD COLUMN approver_id uuid REFERENCES users (id) ON DELETE SET NULL;
