-- lint-rules: drop-table
-- temp and staging tables created in this migration
CREATE TEMP TABLE order_import (id uuid, status text);
DROP TABLE order_import;
CREATE TABLE order_snapshot AS SELECT id, status FROM orders;
DROP TABLE order_snapshot;
-- views hold no data
CREATE VIEW open_orders AS SELECT * FROM orders WHERE status = 'open';
DROP VIEW open_orders;
