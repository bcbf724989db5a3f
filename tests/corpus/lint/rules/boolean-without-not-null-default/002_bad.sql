-- lint-rules: boolean-without-not-null-default
-- nullable without default, NOT NULL without default, default but nullable
-- expect: boolean-without-not-null-default, boolean-without-not-null-default, boolean-without-not-null-default
CREATE TABLE features (
  id uuid PRIMARY KEY,
  enabled boolean,
  public bool NOT NULL,
  beta boolean DEFAULT false
);
-- expect: boolean-without-not-null-default
ALTER TABLE users ADD COLUMN verified boolean;
-- expect: boolean-without-not-null-default
ALTER TABLE users ALTER COLUMN admin TYPE boolean USING admin::boolean;
