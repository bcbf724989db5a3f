-- lint-rules: unused-ignore, drop-column
-- this ignore names drop-column, but the next statement drops nothing
-- expect-file: unused-ignore
-- pgguard-ignore: drop-column the column is not read since v42
ALTER TABLE orders ADD COLUMN note text;
-- used: it suppresses the finding on the next statement
-- pgguard-ignore: drop-column, rename-column legacy_code is unused since v42 (ADR-17)
ALTER TABLE orders DROP COLUMN legacy_code;
-- an ignore covers the next statement only
-- expect: drop-column
ALTER TABLE orders DROP COLUMN legacy_flag;
