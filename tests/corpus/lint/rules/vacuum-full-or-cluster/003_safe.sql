-- lint-rules: vacuum-full-or-cluster
VACUUM orders;
VACUUM (ANALYZE) orders;
ANALYZE orders;
-- a table created in this file
CREATE TABLE order_imports (id uuid PRIMARY KEY);
VACUUM FULL order_imports;
