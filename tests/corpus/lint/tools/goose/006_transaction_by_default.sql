-- lint-rules: concurrently-in-transaction
-- without "no transaction", goose runs each direction in a transaction, whatever the case of up
-- +goose up
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY idx_invoices_account_id ON invoices (account_id);

-- +goose down
-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY idx_invoices_account_id;
