-- lint-rules: add-column-generated-or-serial
-- a table no earlier migration defines counts as an existing one
-- expect: add-column-generated-or-serial
ALTER TABLE legacy_imports ADD COLUMN id serial;
