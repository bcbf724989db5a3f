-- lint-rules: non-uuid-primary-key
-- expect: non-uuid-primary-key
CREATE TABLE accounts (id serial PRIMARY KEY, name text NOT NULL);
-- expect: non-uuid-primary-key
CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total numeric NOT NULL);
-- expect: non-uuid-primary-key
CREATE TABLE payments (
  payment_id bigserial,
  amount numeric NOT NULL,
  PRIMARY KEY (payment_id)
);
-- expect: non-uuid-primary-key
CREATE TABLE refunds (refund_no integer PRIMARY KEY DEFAULT nextval('refunds_seq'), amount numeric NOT NULL);
-- a plain integer id is a surrogate key too
-- expect: non-uuid-primary-key
CREATE TABLE "Session" ("id" INTEGER NOT NULL, "token" TEXT NOT NULL, CONSTRAINT "Session_pkey" PRIMARY KEY ("id"));
