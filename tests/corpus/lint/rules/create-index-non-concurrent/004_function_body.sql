-- lint-rules: create-index-non-concurrent
-- a function body runs when the function is called, not during the migration: nothing is locked now
CREATE FUNCTION add_status_index() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE INDEX idx_orders_status ON orders (status);
END
$$;
-- a DO block runs during the migration (reported on the DO statement)
-- expect: create-index-non-concurrent
DO $$
BEGIN
  CREATE INDEX idx_orders_user_id ON orders (user_id);
END
$$;
-- a function the migration calls runs during it
-- expect: create-index-non-concurrent
CREATE FUNCTION index_orders_by_id() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE INDEX idx_orders_id_status ON orders (id, status);
END
$$;
SELECT index_orders_by_id();
-- and so does a procedure called by a procedure the migration calls from a DO block
-- expect: create-index-non-concurrent
CREATE PROCEDURE index_orders_user_status() LANGUAGE plpgsql AS $$
BEGIN
  CREATE INDEX idx_orders_user_id_status ON orders (user_id, status);
END
$$;
CREATE PROCEDURE index_everything() LANGUAGE plpgsql AS $$
BEGIN
  CALL index_orders_user_status();
END
$$;
DO $$ BEGIN CALL index_everything(); END $$;
-- PERFORM in a DO block calls too
-- expect: create-index-non-concurrent
CREATE FUNCTION index_orders_status_user() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE INDEX idx_orders_status_user_id ON orders (status, user_id);
END
$$;
DO $$ BEGIN PERFORM index_orders_status_user(); END $$;
