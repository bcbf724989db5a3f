CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, legacy_code text, legacy_flag boolean);
