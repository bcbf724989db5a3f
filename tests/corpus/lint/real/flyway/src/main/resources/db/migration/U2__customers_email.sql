-- lint-rules: drop-column
-- an undo migration: dropping what V2 added is its purpose
ALTER TABLE customers DROP COLUMN email;
