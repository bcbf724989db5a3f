-- lint-rules: attach-partition-without-check
-- a validated CHECK matching the bound lets ATTACH skip the scan
ALTER TABLE events_2025 ADD CONSTRAINT events_2025_bound CHECK (created_at >= '2025-01-01' AND created_at < '2026-01-01') NOT VALID;
ALTER TABLE events_2025 VALIDATE CONSTRAINT events_2025_bound;
ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- the CHECK was validated by an earlier migration
ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- a table created in this file is empty
CREATE TABLE events_2027 (id bigint NOT NULL, created_at timestamptz NOT NULL);
ALTER TABLE events ATTACH PARTITION events_2027 FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
