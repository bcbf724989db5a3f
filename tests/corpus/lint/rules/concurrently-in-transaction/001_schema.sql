CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, user_id uuid, created_at timestamptz NOT NULL);
CREATE INDEX idx_orders_status ON orders (status);
CREATE TABLE events (id bigint, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
