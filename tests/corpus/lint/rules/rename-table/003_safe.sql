-- lint-rules: rename-table
-- a view under the old name keeps the running code working
ALTER TABLE order_events RENAME TO order_history;
CREATE VIEW order_events AS SELECT * FROM order_history;
-- renaming an index is not renaming a table
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
ALTER INDEX idx_orders_status RENAME TO idx_orders_state;
-- a table created in this migration
CREATE TABLE carts_draft (id uuid PRIMARY KEY);
ALTER TABLE carts_draft RENAME TO carts_v2;
