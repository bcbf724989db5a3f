-- lint-rules: concurrently-in-transaction, create-index-non-concurrent
-- popx runs a migration without .autocommit. in a transaction
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY identities_state_idx ON identities (state);
