-- lint-rules: boolean-without-not-null-default
CREATE TABLE flags (
  id uuid PRIMARY KEY,
  enabled boolean NOT NULL DEFAULT false,
  visible bool DEFAULT true NOT NULL
);
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;
-- both clauses given in the same ALTER TABLE
ALTER TABLE flags ADD COLUMN archived boolean DEFAULT false, ALTER COLUMN archived SET NOT NULL;
