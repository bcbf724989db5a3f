CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);
