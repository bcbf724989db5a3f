-- lint-rules: session-timeout-behind-pooler
-- lint-options: pooler=pgbouncer-transaction
BEGIN;
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
ALTER TABLE orders ADD COLUMN archived_at timestamptz;
COMMIT;
-- other settings and resets are not timeouts set for the session
SET search_path TO public;
SET lock_timeout TO DEFAULT;
