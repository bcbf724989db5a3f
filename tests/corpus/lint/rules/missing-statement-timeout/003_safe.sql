-- lint-rules: missing-statement-timeout
SET statement_timeout = '15min';
CREATE INDEX idx_orders_note ON orders (note);
