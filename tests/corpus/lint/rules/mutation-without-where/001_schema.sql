CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL, active boolean);
CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL);
CREATE TABLE alembic_version (version_num varchar(32) NOT NULL);
