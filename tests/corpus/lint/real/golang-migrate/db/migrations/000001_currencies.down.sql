-- lint-rules: drop-table
DROP TABLE currency_aliases;
DROP TABLE currencies;
