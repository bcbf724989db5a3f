-- migrate:up
CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, legacy_code text, deleted_at timestamptz);

-- migrate:down
DROP TABLE orders;
