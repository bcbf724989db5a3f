-- lint-rules: validate-in-same-transaction
BEGIN;
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
-- expect: validate-in-same-transaction
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user_id;
ALTER TABLE orders ADD CONSTRAINT chk_orders_amount CHECK (amount >= 0) NOT VALID;
-- expect: validate-in-same-transaction
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_amount;
COMMIT;
