-- lint-rules: create-index-non-concurrent, drop-table
-- annotations in lower case, as the goose documentation now writes them
-- +goose up
-- expect: create-index-non-concurrent
CREATE INDEX idx_orders_status ON orders (status);

-- +goose down
DROP INDEX idx_orders_status;
