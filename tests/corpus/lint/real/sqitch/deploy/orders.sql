-- lint-rules: transaction-nesting, uncommitted-transaction
-- Deploy shop:orders to pg

BEGIN;

CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, deleted_at timestamptz);

COMMIT;
