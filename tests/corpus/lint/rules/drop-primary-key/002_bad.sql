-- lint-rules: drop-primary-key
-- expect: drop-primary-key
ALTER TABLE orders DROP CONSTRAINT orders_pkey;
-- expect: drop-primary-key
ALTER TABLE users DROP CONSTRAINT pk_users;
