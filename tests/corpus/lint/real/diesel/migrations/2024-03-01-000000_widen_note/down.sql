-- lint-rules: alter-column-type, drop-column
-- linted after its own up: note is varchar(200) here, so narrowing it rechecks every row
-- expect: alter-column-type
ALTER TABLE orders ALTER COLUMN note TYPE varchar(100);
