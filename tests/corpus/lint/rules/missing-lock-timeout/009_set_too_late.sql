-- lint-rules: missing-lock-timeout
-- expect: missing-lock-timeout
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN amount SET NOT NULL;
