-- lint-rules: missing-lock-timeout
-- 0 switches the timeout off
SET lock_timeout = 0;
-- expect: missing-lock-timeout
DROP INDEX idx_orders_status;
