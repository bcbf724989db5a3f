-- lint-rules: non-uuid-primary-key
-- only CREATE TABLE is checked: adding a key to an existing table is add-primary-key's business
ALTER TABLE legacy ADD CONSTRAINT legacy_pkey PRIMARY KEY (code);
