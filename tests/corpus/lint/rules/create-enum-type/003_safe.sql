-- lint-rules: create-enum-type
-- a lookup table instead, and changes to an existing enum (other checks)
CREATE TABLE payment_methods (value text PRIMARY KEY);
INSERT INTO payment_methods (value) VALUES ('card'), ('transfer');
ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'paid';
CREATE TYPE money_amount AS (currency text, cents bigint);
