-- lint-rules: truncate-table
-- expect: truncate-table
CREATE FUNCTION purge_order_events() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE order_events;
END
$$;
-- a temp table the function builds and empties is its own business
CREATE FUNCTION refill_scratch() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS scratch_events (id uuid);
  TRUNCATE scratch_events;
END
$$;
