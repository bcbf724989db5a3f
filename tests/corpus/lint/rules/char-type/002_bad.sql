-- lint-rules: char-type
-- expect: char-type, char-type
CREATE TABLE currencies (id uuid PRIMARY KEY, code char(3) NOT NULL, symbol character);
-- expect: char-type
ALTER TABLE countries ADD COLUMN iso3 character(3);
-- expect: char-type
ALTER TABLE countries ALTER COLUMN iso TYPE char(2);
