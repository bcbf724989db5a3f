-- lint-rules: enum-add-value-in-transaction
-- lint-options: pg-version=11
-- migrate:up transaction:false
ALTER TYPE order_status ADD VALUE 'returned';

-- migrate:down
