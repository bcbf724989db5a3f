CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);
CREATE TABLE users (id uuid PRIMARY KEY);
