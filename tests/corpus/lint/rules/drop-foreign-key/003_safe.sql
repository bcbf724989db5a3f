-- lint-rules: drop-foreign-key
-- other constraints
ALTER TABLE orders ADD CONSTRAINT chk_orders_status CHECK (status <> '') NOT VALID;
ALTER TABLE orders DROP CONSTRAINT chk_orders_status;
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key;
