-- lint-rules: invalid-ignore, drop-table
-- an ignore without a reason, and one naming an unknown rule, suppress nothing
-- expect-file: invalid-ignore, invalid-ignore
-- expect: drop-table
-- pgguard-ignore: drop-table
DROP TABLE legacy_carts;
-- expect: drop-table
-- pgguard-ignore: drop-tables replaced by the sessions service
DROP TABLE legacy_sessions;
