-- migrate:up
CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);

-- migrate:down
DROP TABLE orders;
