-- lint-rules: rename-schema
-- a down file: destructive checks are skipped
ALTER SCHEMA core RENAME TO app;
