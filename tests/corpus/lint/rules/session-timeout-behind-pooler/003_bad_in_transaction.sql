-- lint-rules: session-timeout-behind-pooler
-- lint-options: pooler=pgbouncer-transaction
BEGIN;
-- a session SET outlives the COMMIT on the pooled server connection
-- expect: session-timeout-behind-pooler
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
