-- lint-rules: validate-in-same-transaction
-- migrate:up
ALTER TABLE orders ADD CONSTRAINT chk_orders_amount CHECK (amount >= 0) NOT VALID;
-- expect: validate-in-same-transaction
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_amount;

-- migrate:down
ALTER TABLE orders DROP CONSTRAINT chk_orders_amount;
