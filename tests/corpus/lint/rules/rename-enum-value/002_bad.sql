-- lint-rules: rename-enum-value
-- expect: rename-enum-value
ALTER TYPE order_status RENAME VALUE 'done' TO 'completed';
-- expect: rename-enum-value
ALTER TYPE public.order_status RENAME VALUE 'paid' TO 'settled';
