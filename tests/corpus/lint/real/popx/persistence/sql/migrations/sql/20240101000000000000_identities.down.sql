-- lint-rules: drop-table
DROP TABLE identities;
