DROP INDEX idx_orders_status;
