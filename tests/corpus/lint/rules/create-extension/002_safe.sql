-- lint-rules: create-extension
-- gen_random_uuid() is built in from PostgreSQL 13: no extension needed
CREATE TABLE public.devices (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL);
-- changing or dropping an extension is not CREATE EXTENSION
ALTER EXTENSION pgcrypto UPDATE;
COMMENT ON EXTENSION pgcrypto IS 'provisioned by the platform team';
