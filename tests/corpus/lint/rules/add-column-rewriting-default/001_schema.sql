CREATE TYPE order_state AS ENUM ('new', 'paid');
CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);
CREATE SEQUENCE order_numbers;
