-- lint-rules: concurrently-in-transaction
-- goose reads its annotations case-insensitively: this file runs outside a transaction
-- +goose Up
-- +goose no transaction
CREATE INDEX CONCURRENTLY idx_accounts_plan ON accounts (plan);

-- +goose Down
DROP INDEX CONCURRENTLY idx_accounts_plan;
