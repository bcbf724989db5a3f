-- lint-rules: drop-index-non-concurrent
-- expect: drop-index-non-concurrent
DROP INDEX idx_orders_status;
-- an index no earlier migration defines still belongs to some existing table
-- expect: drop-index-non-concurrent
DROP INDEX IF EXISTS public.idx_legacy_lookup;
