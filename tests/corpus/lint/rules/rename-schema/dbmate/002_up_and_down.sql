-- lint-rules: rename-schema
-- destructive checks are skipped in the down section
-- migrate:up
-- expect: rename-schema
ALTER SCHEMA app RENAME TO core;

-- migrate:down
ALTER SCHEMA core RENAME TO app;
