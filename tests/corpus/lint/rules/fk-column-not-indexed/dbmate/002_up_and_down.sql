-- lint-rules: fk-column-not-indexed
-- an index in the down section does not cover the up section's foreign key
-- migrate:up
-- expect: fk-column-not-indexed
CREATE TABLE api_keys (id uuid PRIMARY KEY, owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE);

-- migrate:down
CREATE INDEX idx_api_keys_owner_id ON api_keys (owner_id);
DROP TABLE api_keys;
