-- lint-rules: add-unique-constraint
-- expect: add-unique-constraint
ALTER TABLE users ADD COLUMN external_id text, ADD CONSTRAINT uq_users_tenant_email UNIQUE NULLS NOT DISTINCT (tenant_id, email);
