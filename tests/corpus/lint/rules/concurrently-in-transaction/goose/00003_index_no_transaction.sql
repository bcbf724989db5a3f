-- lint-rules: concurrently-in-transaction
-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);

-- +goose Down
DROP INDEX CONCURRENTLY idx_orders_user_id;
