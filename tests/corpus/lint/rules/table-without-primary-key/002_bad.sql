-- lint-rules: table-without-primary-key
-- expect: table-without-primary-key
CREATE TABLE page_views (path text NOT NULL, viewed_at timestamptz NOT NULL);
-- a UNIQUE constraint is not a primary key (no replica identity by default)
-- expect: table-without-primary-key
CREATE TABLE tags (name text NOT NULL UNIQUE);
