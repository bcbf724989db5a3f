-- lint-rules: wide-index
-- three key columns; INCLUDE columns are not keys
CREATE INDEX CONCURRENTLY idx_orders_user_id_status_created_at ON orders (user_id, status, created_at) INCLUDE (total, region);
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
-- a four-column primary key is a constraint, not CREATE INDEX
CREATE TABLE order_tags (order_id uuid, tag text, source text, at date, PRIMARY KEY (order_id, tag, source, at));
