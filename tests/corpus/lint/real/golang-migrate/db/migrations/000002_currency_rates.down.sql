-- lint-rules: drop-table
DROP INDEX IF EXISTS idx_currencies_name;
DROP TABLE currency_rates;
