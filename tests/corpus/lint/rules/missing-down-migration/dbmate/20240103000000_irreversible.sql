-- lint-rules: missing-down-migration
-- migrate:up
UPDATE orders SET status = lower(status) WHERE status <> lower(status);

-- migrate:down
-- irreversible: the original capitalisation is not kept anywhere
