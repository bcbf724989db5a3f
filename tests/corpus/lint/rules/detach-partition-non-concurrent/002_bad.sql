-- lint-rules: detach-partition-non-concurrent
-- expect: detach-partition-non-concurrent
ALTER TABLE events DETACH PARTITION events_2023;
