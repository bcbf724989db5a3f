CREATE SCHEMA reporting;
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL, legacy_name text);
CREATE TABLE orders (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL CONSTRAINT fk_orders_user REFERENCES users (id),
  coupon_id uuid,
  status text NOT NULL,
  note text NOT NULL DEFAULT ''
);
CREATE TABLE order_events (id uuid PRIMARY KEY, order_id uuid NOT NULL, kind text NOT NULL);
ALTER TABLE order_events ADD CONSTRAINT order_events_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE order_events ADD CONSTRAINT event_order_link FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
CREATE TABLE legacy_carts (id uuid PRIMARY KEY);
