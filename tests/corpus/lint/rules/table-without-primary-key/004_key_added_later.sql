-- lint-rules: table-without-primary-key
-- pg_dump style: the key is added by a later statement of the same migration
CREATE TABLE sessions (id uuid NOT NULL, user_id uuid NOT NULL);
ALTER TABLE ONLY sessions ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);
