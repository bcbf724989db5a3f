-- lint-rules: varchar-over-text
-- text with a named CHECK, and varchar without a limit (the same as text)
CREATE TABLE brands (
  id uuid PRIMARY KEY,
  name text NOT NULL CONSTRAINT chk_brands_name_length CHECK (length(name) <= 100),
  slug varchar
);
ALTER TABLE users ADD COLUMN bio text;
