-- lint-rules: set-not-null
-- expect: set-not-null
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
-- a NOT VALID check proves nothing
ALTER TABLE orders ADD CONSTRAINT chk_orders_title_not_null CHECK (title IS NOT NULL) NOT VALID;
-- expect: set-not-null
ALTER TABLE orders ALTER COLUMN title SET NOT NULL;
