-- migrate:up
CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid NOT NULL);
CREATE MATERIALIZED VIEW order_counts AS SELECT user_id, count(*) AS n FROM orders GROUP BY user_id;

-- migrate:down
DROP MATERIALIZED VIEW order_counts;
DROP TABLE orders;
