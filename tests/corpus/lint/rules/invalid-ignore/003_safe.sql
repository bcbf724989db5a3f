-- lint-rules: invalid-ignore, drop-table
-- pgguard-ignore: drop-table tokens moved to the auth service in v42; backup in s3://backups/legacy_tokens
DROP TABLE legacy_tokens;
