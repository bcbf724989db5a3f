-- lint-rules: add-primary-key
CREATE UNIQUE INDEX CONCURRENTLY tags_pkey ON tags (id);
ALTER TABLE tags ADD CONSTRAINT tags_pkey PRIMARY KEY USING INDEX tags_pkey;
-- a table created in this file
CREATE TABLE labels (id bigint NOT NULL, name text);
ALTER TABLE labels ADD PRIMARY KEY (id);
