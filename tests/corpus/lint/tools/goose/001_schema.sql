-- +goose Up
CREATE TABLE accounts (id uuid PRIMARY KEY, email text NOT NULL, plan text NOT NULL);
CREATE TABLE sessions (id uuid PRIMARY KEY, account_id uuid NOT NULL, token text NOT NULL);

-- +goose Down
DROP TABLE sessions;
DROP TABLE accounts;
