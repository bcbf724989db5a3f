-- lint-rules: non-uuid-primary-key
-- expect: non-uuid-primary-key
CREATE TABLE accounts (id serial PRIMARY KEY, name text NOT NULL);
-- expect: non-uuid-primary-key
CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total numeric NOT NULL);
-- expect: non-uuid-primary-key
CREATE TABLE countries (
  code text,
  name text NOT NULL,
  PRIMARY KEY (code)
);
