-- lint-rules: add-column-rewriting-default
-- expect: add-column-rewriting-default
ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
-- expect: add-column-rewriting-default
ALTER TABLE orders ADD COLUMN touched_at timestamptz NOT NULL DEFAULT clock_timestamp();
-- expect: add-column-rewriting-default
ALTER TABLE orders ADD COLUMN number bigint DEFAULT nextval('order_numbers');
-- expect: add-column-rewriting-default
ALTER TABLE orders ADD COLUMN sample float8 DEFAULT random() * 100;
