-- lint-rules: enum-add-value-in-transaction
-- lint-options: pg-version=11
-- migrate:up
-- expect: enum-add-value-in-transaction
ALTER TYPE order_status ADD VALUE 'shipped';

-- migrate:down
