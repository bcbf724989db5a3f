-- lint-rules: identifier-too-long
-- exactly 63 bytes is the limit, not over it
ALTER TABLE orders ADD CONSTRAINT chk_orders_customer_reference_number_not_empty_when_present_xxx CHECK (customer_reference_number <> '') NOT VALID;
-- long string literals and function bodies are not identifiers
COMMENT ON TABLE orders IS 'Orders placed by customers, including those imported from the legacy shop system';
CREATE FUNCTION orders_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'this message is much longer than sixty-three bytes, and it is still no identifier';
  RETURN NEW;
END
$$;
