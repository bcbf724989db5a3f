-- lint-rules: missing-down-migration
UPDATE orders SET status = lower(status) WHERE status <> lower(status);
