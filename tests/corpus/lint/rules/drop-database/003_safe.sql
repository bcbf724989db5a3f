-- lint-rules: drop-database
DROP TABLE IF EXISTS legacy_carts;
DROP SCHEMA IF EXISTS reporting;
