-- lint-rules: drop-schema
-- a schema created in this migration
CREATE SCHEMA scratch;
DROP SCHEMA scratch;
