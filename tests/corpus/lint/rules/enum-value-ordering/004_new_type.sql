-- lint-rules: enum-value-ordering
-- the check is about the position, so it applies to a type created in the same file too
CREATE TYPE colour AS ENUM ('red', 'green');
-- expect: enum-value-ordering
ALTER TYPE colour ADD VALUE 'blue';
