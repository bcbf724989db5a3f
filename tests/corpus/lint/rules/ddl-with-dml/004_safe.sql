-- lint-rules: ddl-with-dml
-- seeding a table created here, and the tool's bookkeeping, are fine
CREATE TABLE countries (code text PRIMARY KEY, name text NOT NULL);
INSERT INTO countries (code, name) VALUES ('de', 'Germany'), ('fr', 'France');
ALTER TABLE orders ADD COLUMN country_code text;
INSERT INTO schema_migrations (version) VALUES ('004');
