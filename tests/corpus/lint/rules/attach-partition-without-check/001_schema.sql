CREATE TABLE events (id bigint NOT NULL, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at);
CREATE TABLE events_2024 (id bigint NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE events_2025 (id bigint NOT NULL, created_at timestamptz NOT NULL);
CREATE TABLE events_2026 (id bigint NOT NULL, created_at timestamptz NOT NULL);
ALTER TABLE events_2026 ADD CONSTRAINT events_2026_bound CHECK (created_at >= '2026-01-01' AND created_at < '2027-01-01');
CREATE TABLE tickets (id bigint NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE tickets_eu (id bigint NOT NULL, region text NOT NULL);
