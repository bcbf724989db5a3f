CREATE TYPE order_status AS ENUM ('new', 'paid', 'done');
CREATE TABLE orders (id uuid PRIMARY KEY, status order_status NOT NULL DEFAULT 'new');
