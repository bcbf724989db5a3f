-- lint-rules: mutation-without-where
-- an unbounded DELETE in a function deletes every row whenever the function runs
-- expect: mutation-without-where
CREATE FUNCTION reset_users() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM users;
END
$$;
-- bounded: fine
CREATE FUNCTION deactivate_user(target uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET active = false WHERE id = target;
END
$$;
-- a table the function builds itself
CREATE FUNCTION rebuild_scratch() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE scratch (id uuid);
  DELETE FROM scratch;
END
$$;
