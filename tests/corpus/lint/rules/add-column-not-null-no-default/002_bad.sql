-- lint-rules: add-column-not-null-no-default
-- expect: add-column-not-null-no-default
ALTER TABLE orders ADD COLUMN region text NOT NULL;
-- DEFAULT NULL gives the existing rows NULL all the same
-- expect: add-column-not-null-no-default
ALTER TABLE orders ADD COLUMN amount_cents bigint DEFAULT NULL NOT NULL;
-- an unknown table counts as an existing one
-- expect: add-column-not-null-no-default
ALTER TABLE legacy_payments ADD COLUMN currency char(3) NOT NULL;
