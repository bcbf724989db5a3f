-- lint-rules: drop-column
-- expect: drop-column
ALTER TABLE users DROP COLUMN legacy_name;
-- expect: drop-column, drop-column
ALTER TABLE orders DROP COLUMN note, DROP COLUMN IF EXISTS coupon_id;
