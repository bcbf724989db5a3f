CREATE TABLE orders (id uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), paid_at timestamptz);
