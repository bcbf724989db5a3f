-- lint-rules: drop-not-null
-- expect: drop-not-null
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL;
