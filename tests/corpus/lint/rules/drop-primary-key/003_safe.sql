-- lint-rules: drop-primary-key
-- swapped for a new key in the same statement: there is always a key
CREATE UNIQUE INDEX CONCURRENTLY order_events_new_pkey ON order_events (order_id, id);
ALTER TABLE order_events DROP CONSTRAINT order_events_pkey, ADD CONSTRAINT order_events_pkey PRIMARY KEY USING INDEX order_events_new_pkey;
-- other constraints, and tables created in this migration
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_key;
CREATE TABLE carts (id uuid CONSTRAINT carts_pkey PRIMARY KEY);
ALTER TABLE carts DROP CONSTRAINT carts_pkey;
