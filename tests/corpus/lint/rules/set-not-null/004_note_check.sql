ALTER TABLE orders ADD CONSTRAINT chk_orders_note_not_null CHECK (note IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT chk_orders_note_not_null;
