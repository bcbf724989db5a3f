-- lint-rules: check-without-not-valid
-- statements inside a DO block run with the same locks
-- expect: check-without-not-valid
DO $$ BEGIN
  ALTER TABLE orders ADD CONSTRAINT chk_orders_status_nonempty CHECK (status <> '');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
DO $$ BEGIN
  ALTER TABLE orders ADD CONSTRAINT chk_orders_amount_cap CHECK (amount < 1000000000) NOT VALID;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
