-- lint-rules: mutation-without-where
-- expect: mutation-without-where
UPDATE users SET active = true;
-- expect: mutation-without-where
DELETE FROM orders;
-- expect: mutation-without-where
UPDATE orders SET status = upper(status) RETURNING id;
