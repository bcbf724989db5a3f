CREATE TABLE orders (id uuid PRIMARY KEY, status text, region text, title text, note text, code text NOT NULL);
