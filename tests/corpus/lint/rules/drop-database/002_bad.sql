-- lint-rules: drop-database
-- expect: drop-database
DROP DATABASE shop_staging;
