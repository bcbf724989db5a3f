-- lint-rules: index-naming
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
CREATE INDEX CONCURRENTLY idx_orders_user_id_created_at ON orders (user_id, created_at DESC);
-- a suffix after the columns (partial index)
CREATE INDEX CONCURRENTLY idx_orders_status_open ON orders (status) WHERE status <> 'closed';
CREATE UNIQUE INDEX CONCURRENTLY idx_users_email ON public.users (email);
-- an expression index is named after the column it uses
CREATE UNIQUE INDEX CONCURRENTLY idx_users_email_lower ON users (lower(email));
CREATE INDEX CONCURRENTLY gin_orders_tags ON orders USING gin (tags jsonb_path_ops);
-- indexes implied by PRIMARY KEY and UNIQUE constraints are not checked
CREATE TABLE coupons (id uuid PRIMARY KEY, code text NOT NULL UNIQUE);
-- no name: PostgreSQL calls it orders_created_at_idx, a name nothing else holds
CREATE INDEX CONCURRENTLY ON orders (created_at);
