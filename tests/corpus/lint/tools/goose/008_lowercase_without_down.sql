-- lint-rules: missing-down-migration
-- expect-file: missing-down-migration
-- +goose up
CREATE TABLE refunds (id uuid PRIMARY KEY, invoice_id uuid NOT NULL);
