-- lint-rules: concurrently-in-transaction
-- Flyway only treats REINDEX SCHEMA/DATABASE/SYSTEM as non-transactional, so this runs in a transaction.
-- expect: concurrently-in-transaction
REINDEX TABLE CONCURRENTLY orders;
