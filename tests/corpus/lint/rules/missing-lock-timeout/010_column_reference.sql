-- lint-rules: missing-lock-timeout
CREATE TABLE refunds (id uuid PRIMARY KEY);
-- REFERENCES on a new column of a new table still locks the existing, referenced table
-- expect: missing-lock-timeout
ALTER TABLE refunds ADD COLUMN order_id uuid REFERENCES orders (id);
