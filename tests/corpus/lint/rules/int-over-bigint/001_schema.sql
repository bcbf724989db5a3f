CREATE TABLE orders (id uuid PRIMARY KEY, quantity bigint NOT NULL, position bigint);
