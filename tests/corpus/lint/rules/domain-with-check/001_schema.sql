CREATE DOMAIN quantity AS integer;
CREATE DOMAIN email_address AS text;
CREATE TABLE order_lines (id uuid PRIMARY KEY, qty quantity NOT NULL);
CREATE TABLE users (id uuid PRIMARY KEY, email email_address NOT NULL);
