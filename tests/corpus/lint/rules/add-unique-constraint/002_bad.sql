-- lint-rules: add-unique-constraint
-- expect: add-unique-constraint
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email);
-- expect: add-unique-constraint
ALTER TABLE users ADD UNIQUE (tenant_id, handle);
