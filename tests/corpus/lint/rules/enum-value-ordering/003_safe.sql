-- lint-rules: enum-value-ordering
-- positioned values, and other enum changes
ALTER TYPE priority ADD VALUE 'trivial' BEFORE 'low';
ALTER TYPE priority ADD VALUE IF NOT EXISTS 'critical' AFTER 'urgent';
ALTER TYPE priority RENAME VALUE 'medium' TO 'normal';
CREATE TYPE size AS ENUM ('s', 'm', 'l');
