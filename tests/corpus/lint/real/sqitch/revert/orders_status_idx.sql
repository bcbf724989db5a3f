-- Revert shop:orders_status_idx from pg

DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
