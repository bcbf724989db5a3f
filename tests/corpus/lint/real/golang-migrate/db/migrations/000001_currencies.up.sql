-- lint-rules: non-uuid-primary-key, table-without-primary-key
CREATE TABLE currencies (
    code       text PRIMARY KEY,
    name       text NOT NULL,
    deleted_at timestamptz
);

CREATE TABLE currency_aliases (
    currency_code text NOT NULL REFERENCES currencies (code),
    alias         text NOT NULL,
    deleted_at    timestamptz,
    PRIMARY KEY (currency_code, alias)
);
