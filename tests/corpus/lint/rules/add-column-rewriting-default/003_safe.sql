-- lint-rules: add-column-rewriting-default
-- PostgreSQL 11+ stores a non-volatile default in the catalog: no rewrite
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE orders ADD COLUMN updated_at timestamptz DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE orders ADD COLUMN archived boolean NOT NULL DEFAULT false;
ALTER TABLE orders ADD COLUMN tags text[] NOT NULL DEFAULT ARRAY[]::text[];
ALTER TABLE orders ADD COLUMN state order_state NOT NULL DEFAULT 'new';
ALTER TABLE orders ADD COLUMN attempts integer NOT NULL DEFAULT 0, ADD COLUMN note text DEFAULT NULL;
-- serial and identity columns are add-column-generated-or-serial's business
ALTER TABLE orders ADD COLUMN seq bigserial;
-- a table created in this file is empty
CREATE TABLE invoices (id bigint PRIMARY KEY);
ALTER TABLE invoices ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
