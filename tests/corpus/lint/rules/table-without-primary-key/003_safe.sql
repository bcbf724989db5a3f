-- lint-rules: table-without-primary-key
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);
CREATE TABLE user_roles (user_id uuid NOT NULL, role text NOT NULL, PRIMARY KEY (user_id, role));
-- temporary tables and partitions (the key lives on the parent) are skipped
CREATE TEMP TABLE import_rows (line text);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- LIKE ... INCLUDING ALL copies the primary key
CREATE TABLE templates_archive (LIKE templates INCLUDING ALL);
