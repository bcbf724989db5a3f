-- lint-rules: ddl-with-dml
-- the trigger function's UPDATE runs on each later insert, not in the migration's transaction
ALTER TABLE orders ADD COLUMN status_changed_at timestamptz;
CREATE FUNCTION orders_touch_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE orders SET status_changed_at = now() WHERE id = NEW.id;
  RETURN NEW;
END
$$;
