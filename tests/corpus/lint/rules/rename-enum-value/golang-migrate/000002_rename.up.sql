-- lint-rules: rename-enum-value
-- expect: rename-enum-value
ALTER TYPE mood RENAME VALUE 'ok' TO 'fine';
