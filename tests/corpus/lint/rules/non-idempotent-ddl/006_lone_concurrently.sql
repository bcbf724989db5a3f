-- lint-rules: non-idempotent-ddl
-- a failed CONCURRENTLY build leaves an INVALID index behind, so even a lone one is not re-runnable
-- expect: non-idempotent-ddl
CREATE INDEX CONCURRENTLY idx_coupons_code ON coupons (code);
