-- lint-rules: rename-schema
-- expect: rename-schema
ALTER SCHEMA app RENAME TO core;
