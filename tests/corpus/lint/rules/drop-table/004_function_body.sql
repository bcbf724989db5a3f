-- lint-rules: drop-table
-- expect: drop-table
CREATE PROCEDURE drop_legacy_carts() LANGUAGE plpgsql AS $$
BEGIN
  DROP TABLE legacy_carts;
END
$$;
