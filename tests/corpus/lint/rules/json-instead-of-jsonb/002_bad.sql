-- lint-rules: json-instead-of-jsonb
-- expect: json-instead-of-jsonb
CREATE TABLE webhooks (id uuid PRIMARY KEY, body json NOT NULL);
-- expect: json-instead-of-jsonb
ALTER TABLE events ADD COLUMN headers json;
-- expect: json-instead-of-jsonb
ALTER TABLE events ALTER COLUMN raw TYPE json USING raw::json;
