-- lint-rules: missing-statement-timeout
-- migrate:up
SET LOCAL statement_timeout = '15min';
CREATE INDEX idx_orders_status ON orders (status);

-- migrate:down
-- expect: missing-statement-timeout
DROP INDEX idx_orders_status;
