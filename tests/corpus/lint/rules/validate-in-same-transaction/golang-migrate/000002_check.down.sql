ALTER TABLE orders DROP CONSTRAINT chk_orders_amount;
