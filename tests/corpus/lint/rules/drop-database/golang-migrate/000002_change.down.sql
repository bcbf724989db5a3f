-- lint-rules: drop-database
-- a down file: destructive checks are skipped
DROP DATABASE shop_test;
