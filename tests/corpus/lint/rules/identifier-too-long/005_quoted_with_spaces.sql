-- lint-rules: identifier-too-long
-- a quoted name with spaces and doubled quotes: no run of name characters is long, the name is
-- expect: identifier-too-long
ALTER TABLE orders RENAME COLUMN customer_reference_number TO "customer reference as typed into the legacy shop's ""import"" screen";
