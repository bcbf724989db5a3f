-- lint-rules: create-extension
-- expect: create-extension
CREATE EXTENSION pgcrypto;
-- expect: create-extension
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;
