-- lint-rules: alter-column-type
-- V2 (numeric order: before V10) made email varchar(100): widening it is catalog only
ALTER TABLE customers ALTER COLUMN email TYPE varchar(200);
