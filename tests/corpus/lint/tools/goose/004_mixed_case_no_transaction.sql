-- lint-rules: concurrently-in-transaction
-- +goose Up
-- +goose No Transaction
CREATE INDEX CONCURRENTLY idx_sessions_token ON sessions (token);

-- +goose Down
DROP INDEX CONCURRENTLY idx_sessions_token;
