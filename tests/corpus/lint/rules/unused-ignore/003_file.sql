-- lint-rules: unused-ignore, rename-column, drop-table
-- pgguard-ignore-file: rename-column the ORM maps both names during the deploy
-- expect-file: unused-ignore
-- pgguard-ignore-file: drop-table nothing is dropped in this file any more
ALTER TABLE orders RENAME COLUMN status TO state;
ALTER TABLE users RENAME COLUMN email TO email_address;
