-- lint-rules: add-unique-constraint
CREATE UNIQUE INDEX CONCURRENTLY uq_users_handle ON users (handle);
ALTER TABLE users ADD CONSTRAINT uq_users_handle UNIQUE USING INDEX uq_users_handle;
-- a table created in this file
CREATE TABLE teams (id uuid PRIMARY KEY, slug text NOT NULL);
ALTER TABLE teams ADD CONSTRAINT uq_teams_slug UNIQUE (slug);
