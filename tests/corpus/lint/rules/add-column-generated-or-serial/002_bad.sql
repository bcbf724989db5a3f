-- lint-rules: add-column-generated-or-serial
-- expect: add-column-generated-or-serial
ALTER TABLE orders ADD COLUMN number bigserial;
-- expect: add-column-generated-or-serial
ALTER TABLE orders ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
-- expect: add-column-generated-or-serial
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED;
-- expect: add-column-generated-or-serial, add-column-generated-or-serial
ALTER TABLE orders ADD COLUMN a smallserial, ADD COLUMN b serial;
