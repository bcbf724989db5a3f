-- lint-rules: drop-foreign-key
-- destructive checks are skipped in the down section
-- migrate:up
ALTER TABLE orders ADD CONSTRAINT fk_orders_parent FOREIGN KEY (id) REFERENCES orders (id) NOT VALID;

-- migrate:down
ALTER TABLE orders DROP CONSTRAINT fk_orders_parent;
