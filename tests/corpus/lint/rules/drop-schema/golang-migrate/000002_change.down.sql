-- lint-rules: drop-schema
-- a down file: destructive checks are skipped
DROP SCHEMA reporting CASCADE;
