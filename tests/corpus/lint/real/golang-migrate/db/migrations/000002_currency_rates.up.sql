-- lint-rules: non-uuid-primary-key, create-index-non-concurrent
CREATE TABLE currency_rates (
    currency_code text NOT NULL REFERENCES currencies (code),
    day           date NOT NULL,
    rate          numeric(18, 8) NOT NULL,
    deleted_at    timestamptz,
    CONSTRAINT currency_rates_pkey PRIMARY KEY (currency_code, day)
);
-- expect: create-index-non-concurrent
CREATE INDEX idx_currencies_name ON currencies (name);
