-- lint-rules: parse-error
-- the PostgreSQL spelling of the same schema
CREATE TABLE "orders" (
  "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  "status" varchar(20) NOT NULL
);
ALTER TABLE users ALTER COLUMN email TYPE varchar(255), ALTER COLUMN email SET NOT NULL;
