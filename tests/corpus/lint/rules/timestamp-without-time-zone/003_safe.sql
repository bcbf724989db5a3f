-- lint-rules: timestamp-without-time-zone
CREATE TABLE payments (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamp with time zone,
  settled_on date,
  cutoff time
);
ALTER TABLE orders ADD COLUMN cancelled_at timestamptz;
ALTER TABLE orders ALTER COLUMN paid_at TYPE timestamptz;
