-- lint-rules: missing-lock-timeout
-- the migration only defines the function: its ALTER TABLE and LOCK take their locks when it runs
CREATE FUNCTION archive_orders() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ALTER TABLE orders ADD COLUMN archived_at timestamptz;
  LOCK TABLE orders IN ACCESS EXCLUSIVE MODE;
END
$$;
