-- lint-rules: missing-down-migration
-- plain SQL files have no down convention
CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);
