-- lint-rules: truncate-table
-- staging tables created in this migration may be emptied
CREATE TEMP TABLE order_import (id uuid, status text);
TRUNCATE order_import;
CREATE TABLE order_snapshot AS SELECT id, status FROM orders;
TRUNCATE order_snapshot;
