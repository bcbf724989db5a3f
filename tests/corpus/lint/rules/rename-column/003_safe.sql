-- lint-rules: rename-column
-- renaming constraints and indexes does not touch what queries select
ALTER TABLE orders RENAME CONSTRAINT fk_orders_user TO fk_orders_user_id;
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
ALTER INDEX idx_orders_status RENAME TO idx_orders_state;
-- a table created in this migration
CREATE TABLE carts (id uuid PRIMARY KEY, owner uuid);
ALTER TABLE carts RENAME COLUMN owner TO user_id;
