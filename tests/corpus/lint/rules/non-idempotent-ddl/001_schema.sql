CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, legacy_code text);
CREATE INDEX idx_orders_legacy_code ON orders (legacy_code);
