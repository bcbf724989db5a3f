CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL, tenant_id uuid NOT NULL, handle text);
