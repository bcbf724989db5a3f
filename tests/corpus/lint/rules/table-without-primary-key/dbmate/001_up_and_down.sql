-- lint-rules: table-without-primary-key
-- a key added in the down section does not count for the up section
-- migrate:up
-- expect: table-without-primary-key
CREATE TABLE webhooks (id uuid NOT NULL, url text NOT NULL);

-- migrate:down
ALTER TABLE webhooks ADD PRIMARY KEY (id);
DROP TABLE webhooks;
