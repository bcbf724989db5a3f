-- lint-rules: missing-lock-timeout
-- the function body's ALTER TABLE runs when the function is called, so it neither took the lock
-- nor got the finding: the migration's own ALTER TABLE after it is the first to lock orders
CREATE FUNCTION archive_orders() RETURNS void LANGUAGE plpgsql AS $$
BEGIN ALTER TABLE orders ADD COLUMN archived_at timestamptz; END
$$;
-- expect: missing-lock-timeout
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
