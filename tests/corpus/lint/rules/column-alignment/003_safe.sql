-- lint-rules: column-alignment
-- widest alignment first, variable-length columns last
CREATE TABLE api_keys (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  uses integer NOT NULL DEFAULT 0,
  revoked boolean NOT NULL DEFAULT false,
  name text NOT NULL
);
-- boolean then bigint pads 7 bytes, but a row of fixed-width columns is padded to 8 bytes
-- anyway, so reordering would save nothing
CREATE TABLE toggles (enabled boolean NOT NULL DEFAULT false, changed_at timestamptz NOT NULL);
-- only variable-length columns
CREATE TABLE notes (body text NOT NULL, tags text[], meta jsonb);
-- ALTER TABLE ADD COLUMN appends and is not checked
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true, ADD COLUMN logins bigint NOT NULL DEFAULT 0;
