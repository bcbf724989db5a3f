-- lint-rules: drop-table
DROP TABLE orders;
