-- lint-rules: missing-lock-timeout
-- a new table's foreign key locks the referenced, existing table
-- expect: missing-lock-timeout
CREATE TABLE invoices (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id));
