-- lint-rules: multiple-alter-same-table
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
-- expect: multiple-alter-same-table
ALTER TABLE orders ADD COLUMN paid_at timestamptz;
-- expect: multiple-alter-same-table
ALTER TABLE ONLY public.orders ALTER COLUMN status SET DEFAULT 'new';
