-- lint-rules: missing-lock-timeout
-- a table no earlier migration defines counts as an existing one
-- expect: missing-lock-timeout
ALTER TABLE legacy_payments ADD COLUMN currency text;
