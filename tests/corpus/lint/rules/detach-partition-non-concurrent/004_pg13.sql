-- lint-rules: detach-partition-non-concurrent
-- lint-options: pg-version=13
-- no CONCURRENTLY before PostgreSQL 14: still reported, with the maintenance-window advice as the fix
-- expect: detach-partition-non-concurrent
ALTER TABLE events DETACH PARTITION events_2025;
