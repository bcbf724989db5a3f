-- lint-rules: require-schema-qualified
-- expect: require-schema-qualified
CREATE TABLE payments (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES public.orders (id));
-- the referenced table counts too
-- expect: require-schema-qualified
ALTER TABLE public.orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
-- expect: require-schema-qualified
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
-- expect: require-schema-qualified
DROP TABLE IF EXISTS legacy_payments;
