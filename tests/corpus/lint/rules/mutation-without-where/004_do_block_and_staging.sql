-- lint-rules: mutation-without-where
-- statements inside DO blocks run too (reported on the DO statement)
-- expect: mutation-without-where
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM orders WHERE status = '') THEN
    UPDATE orders SET status = 'new';
  END IF;
END
$$;
-- a staging table built in this migration
CREATE TABLE order_copy AS SELECT * FROM orders;
DELETE FROM order_copy;
