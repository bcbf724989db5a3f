-- lint-rules: newer-syntax, parse-error, statements-after-access-exclusive
-- lint-options: pg-version=17
-- PostgreSQL 17 syntax is not called invalid for a project on 17; a MySQL-ism still is.
BEGIN;
-- expect: newer-syntax
SELECT * FROM JSON_TABLE('[{"a": 1}]', '$[*]' COLUMNS (a int PATH '$.a')) AS jt;
-- expect: newer-syntax
MERGE INTO orders o USING staging s ON o.id = s.id WHEN MATCHED THEN UPDATE SET qty = s.qty RETURNING o.id;
-- expect: newer-syntax
ALTER TABLE orders ALTER COLUMN total SET EXPRESSION AS (price * qty);
-- expect: statements-after-access-exclusive
UPDATE customers SET name = 'x' WHERE id = 1;
COMMIT;
-- expect: parse-error
CREATE TABLE `carts` (id int AUTO_INCREMENT);
