-- lint-rules: attach-partition-without-check
-- expect: attach-partition-without-check
ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- expect: attach-partition-without-check
ALTER TABLE tickets ATTACH PARTITION tickets_eu FOR VALUES IN ('eu', 'uk');
