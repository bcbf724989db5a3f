-- lint-rules: fk-without-not-valid
-- expect: fk-without-not-valid
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
-- expect: fk-without-not-valid
ALTER TABLE orders ADD FOREIGN KEY (approver_id) REFERENCES users;
-- a new column with a default has a value in every row, so each is checked
-- expect: fk-without-not-valid
ALTER TABLE orders ADD COLUMN owner_id uuid DEFAULT '00000000-0000-0000-0000-000000000000' REFERENCES users (id);
