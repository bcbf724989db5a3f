-- lint-rules: statements-after-access-exclusive
SET lock_timeout = '2s';
BEGIN;
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
-- expect: statements-after-access-exclusive
UPDATE users SET email = lower(email) WHERE email <> lower(email);
-- reported once per transaction: it is the same lock
CREATE INDEX idx_users_email ON users (email);
COMMIT;
BEGIN;
SELECT 1;
DROP INDEX idx_users_email;
-- expect: statements-after-access-exclusive
ANALYZE users;
COMMIT;
