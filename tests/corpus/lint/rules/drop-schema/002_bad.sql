-- lint-rules: drop-schema
-- expect: drop-schema
DROP SCHEMA reporting CASCADE;
