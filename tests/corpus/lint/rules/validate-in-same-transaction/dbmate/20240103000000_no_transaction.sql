-- lint-rules: validate-in-same-transaction
-- migrate:up transaction:false
ALTER TABLE orders ADD CONSTRAINT chk_orders_amount_max CHECK (amount < 1000000) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_amount_max;

-- migrate:down
ALTER TABLE orders DROP CONSTRAINT chk_orders_amount_max;
