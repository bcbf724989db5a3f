-- lint-rules: add-primary-key
-- expect: add-primary-key
ALTER TABLE events ADD PRIMARY KEY (id);
-- expect: add-primary-key
ALTER TABLE audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id, at);
