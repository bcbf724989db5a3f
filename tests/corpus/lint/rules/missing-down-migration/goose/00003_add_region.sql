-- lint-rules: missing-down-migration
-- expect-file: missing-down-migration
-- +goose Up
ALTER TABLE orders ADD COLUMN region text;

-- +goose Down
