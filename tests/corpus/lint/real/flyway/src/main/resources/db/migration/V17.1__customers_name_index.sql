-- lint-rules: create-index-non-concurrent
-- expect: create-index-non-concurrent
CREATE INDEX idx_customers_name ON customers (name);
