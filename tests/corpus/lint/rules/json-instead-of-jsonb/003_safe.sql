-- lint-rules: json-instead-of-jsonb
CREATE TABLE settings (id uuid PRIMARY KEY, value jsonb NOT NULL DEFAULT '{}');
ALTER TABLE events ADD COLUMN meta jsonb;
-- json in a query is not a column declaration
CREATE VIEW event_bodies AS SELECT id, payload::json AS body FROM events;
-- a user type named json in another schema
CREATE TABLE documents (id uuid PRIMARY KEY, body legacy.json);
