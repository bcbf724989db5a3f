CREATE TABLE orders (id uuid PRIMARY KEY, total numeric(12,2) NOT NULL);
