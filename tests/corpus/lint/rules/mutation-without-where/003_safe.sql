-- lint-rules: mutation-without-where
UPDATE users SET active = true WHERE active IS NULL;
DELETE FROM orders WHERE status = 'draft';
-- the tool's bookkeeping and tables created in this migration
UPDATE alembic_version SET version_num = 'a1b2c3';
CREATE TEMP TABLE order_import (id uuid, status text);
DELETE FROM order_import;
UPDATE order_import SET status = 'new';
