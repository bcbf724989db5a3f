-- lint-rules: ddl-with-dml
-- the data change comes first, the DDL later: still one migration doing both
-- expect: ddl-with-dml
INSERT INTO users (id, email) SELECT gen_random_uuid(), 'ops@example.com';
CREATE INDEX idx_orders_status ON orders (status);
