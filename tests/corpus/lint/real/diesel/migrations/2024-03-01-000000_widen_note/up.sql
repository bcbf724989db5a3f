-- lint-rules: alter-column-type
-- note is varchar(100) after the earlier ups (the earlier down is not replayed): widening is catalog only
ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);
