-- lint-rules: duplicate-column
-- different elements of one array column may be assigned separately
UPDATE orders SET tags[1] = 'a', tags[2] = 'b' WHERE id = '00000000-0000-0000-0000-000000000001';
UPDATE orders SET (status, note) = ('paid', 'ok') WHERE id = '00000000-0000-0000-0000-000000000002';
INSERT INTO orders (id, status, note) VALUES (gen_random_uuid(), 'new', NULL);
CREATE TABLE receipts (id uuid PRIMARY KEY, order_id uuid NOT NULL, CONSTRAINT uq_receipts_order UNIQUE (order_id));
