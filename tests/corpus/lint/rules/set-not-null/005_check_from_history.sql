-- lint-rules: set-not-null
-- the validated CHECK (note IS NOT NULL) comes from an earlier migration
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
