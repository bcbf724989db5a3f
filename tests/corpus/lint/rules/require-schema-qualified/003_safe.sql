-- lint-rules: require-schema-qualified
CREATE TABLE public.refunds (id uuid PRIMARY KEY, order_id uuid NOT NULL REFERENCES public.orders (id));
CREATE INDEX CONCURRENTLY idx_refunds_order_id ON public.refunds (order_id);
ALTER TABLE public.refunds ADD COLUMN reason text;
DROP TABLE IF EXISTS public.legacy_refunds;
-- temporary tables live in pg_temp
CREATE TEMP TABLE refund_import (id uuid, reason text);
ALTER TABLE refund_import ADD COLUMN amount numeric;
-- the query of a view is not DDL
CREATE VIEW public.open_orders AS SELECT id FROM orders WHERE status = 'open';
