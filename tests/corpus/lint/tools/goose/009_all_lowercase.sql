-- lint-rules: concurrently-in-transaction, drop-column
-- +goose up
-- +goose no transaction
CREATE INDEX CONCURRENTLY idx_accounts_email ON accounts (email);

-- +goose down
DROP INDEX CONCURRENTLY idx_accounts_email;
ALTER TABLE accounts DROP COLUMN IF EXISTS nickname;
