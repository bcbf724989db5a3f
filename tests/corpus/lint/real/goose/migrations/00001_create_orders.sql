-- +goose Up
CREATE TABLE orders (
    id          uuid PRIMARY KEY,
    status      text NOT NULL,
    customer_id uuid,
    deleted_at  timestamptz
);

-- +goose Down
DROP TABLE orders;
