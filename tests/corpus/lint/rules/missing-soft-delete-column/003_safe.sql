-- lint-rules: missing-soft-delete-column
CREATE TABLE accounts (id uuid PRIMARY KEY, name text NOT NULL, deleted_at timestamptz);
-- temporary tables and partitions are skipped
CREATE TEMP TABLE staging_accounts (id uuid, name text);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- LIKE copies deleted_at from documents
CREATE TABLE document_drafts (LIKE documents INCLUDING DEFAULTS);
