-- lint-rules: add-primary-key
-- a table no earlier migration defines counts as an existing one; its columns may be nullable
-- expect: add-primary-key
ALTER TABLE legacy_imports ADD CONSTRAINT legacy_imports_pkey PRIMARY KEY (batch_id, line);
