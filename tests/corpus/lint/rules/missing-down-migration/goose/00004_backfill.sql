-- lint-rules: missing-down-migration
-- +goose Up
UPDATE orders SET region = 'eu' WHERE region IS NULL;

-- +goose Down
-- irreversible: the regions set by hand before cannot be told apart
