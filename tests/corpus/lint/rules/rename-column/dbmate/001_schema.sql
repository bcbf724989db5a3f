CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, legacy_code text);
