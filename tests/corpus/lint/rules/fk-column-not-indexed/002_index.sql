CREATE INDEX CONCURRENTLY idx_orders_user_id_status ON orders (user_id, status);
