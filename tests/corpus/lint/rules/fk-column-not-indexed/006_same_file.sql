-- lint-rules: fk-column-not-indexed
-- covered by an index created later in the file, and by the leading column of a primary key
CREATE TABLE invoices (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE);
CREATE INDEX idx_invoices_order_id ON invoices (order_id);
-- the key (user_id, role_id) covers user_id, not role_id
-- expect: fk-column-not-indexed
CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id uuid NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
);
