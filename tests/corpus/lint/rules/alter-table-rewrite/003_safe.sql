-- lint-rules: alter-table-rewrite
-- storage parameters change the catalog only
ALTER TABLE orders SET (fillfactor = 70);
ALTER TABLE orders RESET (fillfactor);
ALTER TABLE orders SET (autovacuum_vacuum_scale_factor = 0.05);
-- a table created in this file
CREATE UNLOGGED TABLE order_staging (id uuid PRIMARY KEY);
ALTER TABLE order_staging SET LOGGED;
