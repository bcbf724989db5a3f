-- lint-rules: concurrently-in-transaction
-- +goose Up
-- +goose NO TRANSACTION
CREATE INDEX CONCURRENTLY idx_sessions_account_id ON sessions (account_id);

-- +goose Down
DROP INDEX CONCURRENTLY idx_sessions_account_id;
