-- lint-rules: missing-soft-delete-column
-- the column is added by a later statement of the same migration
CREATE TABLE invoices (id uuid PRIMARY KEY, total numeric NOT NULL);
ALTER TABLE invoices ADD COLUMN deleted_at timestamptz;
