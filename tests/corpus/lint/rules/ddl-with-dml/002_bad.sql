-- lint-rules: ddl-with-dml
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
-- expect: ddl-with-dml
UPDATE orders SET region = 'eu' WHERE region IS NULL;
-- one finding per migration
DELETE FROM users WHERE email = '';
COMMIT;
