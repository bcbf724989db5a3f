CREATE TABLE events (id bigint NOT NULL, payload jsonb);
CREATE TABLE audit_log (id bigint, at timestamptz NOT NULL);
CREATE TABLE tags (id bigint NOT NULL, name text);
