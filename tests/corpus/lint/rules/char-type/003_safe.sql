-- lint-rules: char-type
CREATE TABLE regions (
  id uuid PRIMARY KEY,
  code text NOT NULL CONSTRAINT chk_regions_code_length CHECK (length(code) <= 3),
  name character varying(100),
  kind "char"
);
ALTER TABLE countries ADD COLUMN iso3 text;
