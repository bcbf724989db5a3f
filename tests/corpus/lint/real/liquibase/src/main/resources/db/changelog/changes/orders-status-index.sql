--liquibase formatted sql
-- lint-rules: concurrently-in-transaction, create-index-non-concurrent

--changeset shop:2 runInTransaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);
--rollback DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;

--changeset shop:3
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (id, status);
--rollback DROP INDEX orders_created_idx;
