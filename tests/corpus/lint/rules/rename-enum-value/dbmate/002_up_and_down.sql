-- lint-rules: rename-enum-value
-- destructive checks are skipped in the down section
-- migrate:up
-- expect: rename-enum-value
ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';

-- migrate:down
ALTER TYPE mood RENAME VALUE 'fine' TO 'ok';
