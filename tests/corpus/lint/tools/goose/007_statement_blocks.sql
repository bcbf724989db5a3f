-- lint-rules: missing-down-migration, drop-table
-- StatementBegin/End in any case wrap a function body; the down section is recognised
-- +goose up
-- +goose statementbegin
CREATE FUNCTION touch_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.total := coalesce(NEW.total, 0);
  RETURN NEW;
END;
$$;
-- +goose statementend

-- +goose down
-- +goose StatementBegin
DROP FUNCTION touch_invoice();
-- +goose StatementEnd
