-- lint-rules: missing-soft-delete-column
-- expect: missing-soft-delete-column
CREATE TABLE customers (id uuid PRIMARY KEY, name text NOT NULL);
-- a differently named column does not count
-- expect: missing-soft-delete-column
CREATE TABLE vendors (id uuid PRIMARY KEY, removed_at timestamptz);
-- nor does a name that only contains one of them
-- expect: missing-soft-delete-column
CREATE TABLE suppliers (id uuid PRIMARY KEY, deleted_by uuid, "undeletedAt" timestamptz);
