-- lint-rules: parse-error, create-index-non-concurrent
-- a MySQL variant: the PostgreSQL database never runs it
CREATE INDEX `identities_nid_idx` ON `identities` (`nid`) USING BTREE;
