-- lint-rules: concurrently-in-transaction, create-index-non-concurrent
CREATE INDEX CONCURRENTLY IF NOT EXISTS identities_nid_idx ON identities (nid);
