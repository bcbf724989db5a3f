-- lint-rules: missing-lock-timeout
SELECT set_config('lock_timeout', '3s', false);
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
