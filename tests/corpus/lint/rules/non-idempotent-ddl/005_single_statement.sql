-- lint-rules: non-idempotent-ddl
-- a lone statement either happens or not
CREATE TABLE coupons (id uuid PRIMARY KEY, code text NOT NULL);
