-- lint-rules: rename-schema
-- a new schema next to the old one, and renames of other objects
CREATE SCHEMA billing;
ALTER SCHEMA billing OWNER TO CURRENT_USER;
ALTER TABLE core.orders RENAME TO purchase_orders;
ALTER TYPE core.order_status RENAME TO purchase_status;
