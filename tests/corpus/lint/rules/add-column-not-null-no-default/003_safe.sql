-- lint-rules: add-column-not-null-no-default
ALTER TABLE orders ADD COLUMN channel text NOT NULL DEFAULT 'web';
ALTER TABLE orders ADD COLUMN note text;
-- identity, serial and generated columns fill every row themselves
ALTER TABLE orders ADD COLUMN seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY;
ALTER TABLE orders ADD COLUMN legacy_id bigserial NOT NULL;
-- a table created in this file is empty
CREATE TABLE invoices (id uuid PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN order_id uuid NOT NULL;
