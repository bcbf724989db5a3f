-- lint-rules: fk-column-not-indexed
-- migrate:up
CREATE TABLE tokens (id uuid PRIMARY KEY, owner_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE);
CREATE INDEX idx_tokens_owner_id ON tokens (owner_id);

-- migrate:down
DROP TABLE tokens;
