CREATE TABLE orders (
  id uuid PRIMARY KEY,
  name varchar(20) NOT NULL,
  title varchar(20),
  code varchar(50),
  amount integer NOT NULL,
  price numeric(10,2),
  created timestamp,
  note text,
  flags text[]
);
