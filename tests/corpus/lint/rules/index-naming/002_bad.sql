-- lint-rules: index-naming
-- a hand-made name that says nothing about the columns
-- expect: index-naming
CREATE INDEX CONCURRENTLY orders_by_user ON orders (user_id);
-- PostgreSQL's style, but the name belongs to another column
-- expect: index-naming
CREATE INDEX CONCURRENTLY orders_id_idx ON orders (user_id);
-- columns in another order than the index
-- expect: index-naming
CREATE INDEX CONCURRENTLY idx_orders_created_at_user_id ON orders (user_id, created_at);
-- a GIN index named like a btree one
-- expect: index-naming
CREATE INDEX CONCURRENTLY idx_orders_tags ON orders USING gin (tags);
-- unnamed, and the name PostgreSQL would pick (orders_status_idx) is taken, so it picks a numbered one
-- expect: index-naming
CREATE INDEX CONCURRENTLY ON orders (status) WHERE status <> 'closed';
-- _key says unique, but this index is not
-- expect: index-naming
CREATE INDEX CONCURRENTLY users_email_key ON users (email);
