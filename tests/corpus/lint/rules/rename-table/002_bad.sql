-- lint-rules: rename-table
-- expect: rename-table
ALTER TABLE legacy_carts RENAME TO carts;
