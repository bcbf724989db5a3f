-- lint-rules: non-uuid-primary-key
CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text NOT NULL);
CREATE TABLE teams (id uuid NOT NULL DEFAULT gen_random_uuid(), PRIMARY KEY (id));
-- a composite key of uuid columns
CREATE TABLE team_members (team_id uuid NOT NULL, user_id uuid NOT NULL, PRIMARY KEY (team_id, user_id));
-- no primary key at all is another check (table-without-primary-key)
CREATE TABLE audit_log (message text NOT NULL);
-- natural keys: a code, a slug, an email
CREATE TABLE countries (code text, name text NOT NULL, PRIMARY KEY (code));
CREATE TABLE currencies (code char(3) PRIMARY KEY, name text NOT NULL);
CREATE TABLE pages (slug varchar(200) PRIMARY KEY, body text NOT NULL);
CREATE TABLE subscribers (email text PRIMARY KEY);
-- a join table keyed by two integer foreign keys
CREATE TABLE post_tags (post_id bigint NOT NULL, tag_id bigint NOT NULL, PRIMARY KEY (post_id, tag_id));
-- an integer lookup key with fixed values, no generator
CREATE TABLE order_statuses (status_code smallint PRIMARY KEY, label text NOT NULL);
