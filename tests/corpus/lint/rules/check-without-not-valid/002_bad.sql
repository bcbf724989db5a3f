-- lint-rules: check-without-not-valid
-- expect: check-without-not-valid
ALTER TABLE orders ADD CONSTRAINT chk_orders_amount CHECK (amount >= 0);
-- expect: check-without-not-valid
ALTER TABLE orders ADD CHECK (status IN ('new', 'paid', 'shipped'));
-- expect: check-without-not-valid
ALTER TABLE public.orders ADD CONSTRAINT chk_orders_note_length CHECK (length(note) <= 500 OR note IS NULL);
