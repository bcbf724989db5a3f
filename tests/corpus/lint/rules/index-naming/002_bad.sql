-- lint-rules: index-naming
-- unnamed
-- expect: index-naming
CREATE INDEX CONCURRENTLY ON orders (status);
-- generated-style name
-- expect: index-naming
CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);
-- columns in another order than the index
-- expect: index-naming
CREATE INDEX CONCURRENTLY idx_orders_created_at_user_id ON orders (user_id, created_at);
-- a GIN index named like a btree one
-- expect: index-naming
CREATE INDEX CONCURRENTLY idx_orders_tags ON orders USING gin (tags);
