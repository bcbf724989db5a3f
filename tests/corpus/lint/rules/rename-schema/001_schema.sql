CREATE SCHEMA app;
CREATE TABLE app.orders (id uuid PRIMARY KEY, status text NOT NULL);
