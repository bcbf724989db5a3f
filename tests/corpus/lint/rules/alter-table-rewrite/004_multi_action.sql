-- lint-rules: alter-table-rewrite
-- only the rewriting action of a multi-action ALTER is reported
-- expect: alter-table-rewrite
ALTER TABLE order_cache SET (fillfactor = 90), SET LOGGED;
