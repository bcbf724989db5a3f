-- lint-rules: int-over-bigint
-- expect: int-over-bigint, int-over-bigint, int-over-bigint
CREATE TABLE counters (
  id serial PRIMARY KEY,
  hits integer NOT NULL DEFAULT 0,
  level smallint
);
-- expect: int-over-bigint
ALTER TABLE orders ADD COLUMN retries int;
-- expect: int-over-bigint
ALTER TABLE orders ALTER COLUMN position TYPE int4;
