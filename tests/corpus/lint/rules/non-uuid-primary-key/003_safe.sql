-- lint-rules: non-uuid-primary-key
CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text NOT NULL);
CREATE TABLE teams (id uuid NOT NULL DEFAULT gen_random_uuid(), PRIMARY KEY (id));
-- a composite key of uuid columns
CREATE TABLE team_members (team_id uuid NOT NULL, user_id uuid NOT NULL, PRIMARY KEY (team_id, user_id));
-- no primary key at all is another check (table-without-primary-key)
CREATE TABLE audit_log (message text NOT NULL);
