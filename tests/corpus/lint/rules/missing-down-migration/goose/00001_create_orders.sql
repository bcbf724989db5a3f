-- lint-rules: missing-down-migration
-- +goose Up
CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);

-- +goose Down
DROP TABLE orders;
