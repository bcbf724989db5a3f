-- lint-rules: duplicate-column
-- expect: duplicate-column
CREATE TABLE invoices (id uuid PRIMARY KEY, total numeric(12,2), total numeric(12,2));
-- expect: duplicate-column
ALTER TABLE orders ADD COLUMN paid_at timestamptz, ADD COLUMN paid_at timestamptz;
-- expect: duplicate-column
UPDATE orders SET status = 'paid', note = 'ok', status = 'shipped' WHERE id = '00000000-0000-0000-0000-000000000001';
-- expect: duplicate-column
INSERT INTO orders (id, status, status) VALUES (gen_random_uuid(), 'new', 'paid');
-- expect: duplicate-column
INSERT INTO orders (id, status) VALUES (gen_random_uuid(), 'new')
  ON CONFLICT (id) DO UPDATE SET note = 'dup', note = 'again';
