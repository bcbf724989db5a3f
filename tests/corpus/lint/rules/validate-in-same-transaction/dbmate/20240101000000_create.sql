-- migrate:up
CREATE TABLE orders (id uuid PRIMARY KEY, amount numeric(12,2) NOT NULL);

-- migrate:down
DROP TABLE orders;
