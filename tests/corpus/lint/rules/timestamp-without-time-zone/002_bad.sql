-- lint-rules: timestamp-without-time-zone
-- expect: timestamp-without-time-zone, timestamp-without-time-zone
CREATE TABLE shipments (
  id uuid PRIMARY KEY,
  shipped_at timestamp NOT NULL,
  delivered_at timestamp(3) without time zone
);
-- expect: timestamp-without-time-zone
ALTER TABLE orders ADD COLUMN refunded_at timestamp;
-- expect: timestamp-without-time-zone
ALTER TABLE orders ALTER COLUMN paid_at TYPE timestamp;
