-- lint-rules: column-alignment
-- boolean, bigint, integer, timestamptz: 7 + 4 bytes of padding, all 11 saved when ordered 8-8-4-1
-- expect: column-alignment
CREATE TABLE sessions (
  active boolean NOT NULL DEFAULT true,
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  token text NOT NULL
);
-- expect: column-alignment
CREATE TABLE counters (flag boolean NOT NULL DEFAULT false, hits bigint NOT NULL, level smallint NOT NULL, total bigint NOT NULL);
