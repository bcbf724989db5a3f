-- lint-rules: drop-foreign-key
ALTER TABLE orders ADD CONSTRAINT fk_orders_parent FOREIGN KEY (id) REFERENCES orders (id) NOT VALID;
