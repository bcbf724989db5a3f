-- lint-rules: int-over-bigint
CREATE TABLE ledger (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  amount numeric(12, 2) NOT NULL,
  seq bigserial,
  weight real
);
ALTER TABLE orders ADD COLUMN attempts bigint NOT NULL DEFAULT 0;
