-- lint-rules: validate-in-same-transaction
-- autocommit: each statement commits on its own
ALTER TABLE orders ADD CONSTRAINT chk_orders_amount_max CHECK (amount < 1000000) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_amount_max;
-- separate explicit transactions
BEGIN;
ALTER TABLE orders ADD CONSTRAINT chk_orders_amount_cents CHECK (amount = round(amount, 2)) NOT VALID;
COMMIT;
BEGIN;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_amount_cents;
COMMIT;
-- a constraint added NOT VALID by an earlier migration
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user_id;
