-- lint-rules: fk-column-not-indexed
-- the index created two migrations earlier (002) leads with user_id
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID;
