-- lint-rules: alter-column-type
-- after V10 email is varchar(200): going back to 100 rechecks every row
-- expect: alter-column-type
ALTER TABLE customers ALTER COLUMN email TYPE varchar(100);
