-- lint-rules: drop-foreign-key
-- expect: drop-foreign-key
ALTER TABLE orders DROP CONSTRAINT fk_orders_user;
-- expect: drop-foreign-key
ALTER TABLE order_events DROP CONSTRAINT order_events_order_id_fkey;
-- the schema knows this one is a foreign key, whatever its name says
-- expect: drop-foreign-key
ALTER TABLE order_events DROP CONSTRAINT event_order_link;
-- unknown to the schema, but named like one
-- expect: drop-foreign-key
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_manager_id_fkey;
