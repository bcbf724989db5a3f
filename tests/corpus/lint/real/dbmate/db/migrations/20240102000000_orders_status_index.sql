-- lint-rules: create-index-non-concurrent, parse-error, drop-column
-- migrate:up
-- Orders are listed by `status` on the dashboard; `legacy_code` goes in a later release
-- (see the `orders` section of the runbook, it's the ``status`` filter).
-- expect: create-index-non-concurrent
CREATE INDEX idx_orders_status ON orders (status);

-- migrate:down
DROP INDEX idx_orders_status;
