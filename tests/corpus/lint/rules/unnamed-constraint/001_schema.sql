CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid NOT NULL, total numeric NOT NULL, during tstzrange);
CREATE UNIQUE INDEX idx_users_email ON users (email);
