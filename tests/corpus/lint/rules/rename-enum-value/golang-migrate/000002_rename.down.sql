-- lint-rules: rename-enum-value
-- a down file: destructive checks are skipped
ALTER TYPE mood RENAME VALUE 'fine' TO 'ok';
