-- lint-rules: detach-partition-non-concurrent
ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;
-- a partitioned table created in this file
CREATE TABLE metrics (id bigint NOT NULL, at timestamptz NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE metrics_2024 PARTITION OF metrics FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE metrics DETACH PARTITION metrics_2024;
