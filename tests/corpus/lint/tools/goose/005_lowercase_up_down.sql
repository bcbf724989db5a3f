-- lint-rules: drop-column
-- a lowercase down section is still the down: dropping the column there is the rollback, not a data loss
-- +goose up
ALTER TABLE sessions ADD COLUMN user_agent text;

-- +goose down
ALTER TABLE sessions DROP COLUMN user_agent;
