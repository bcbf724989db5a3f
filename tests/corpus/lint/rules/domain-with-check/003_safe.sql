-- lint-rules: domain-with-check
-- domains without CHECK, and other domain changes
CREATE DOMAIN cents AS bigint NOT NULL;
CREATE DOMAIN label AS text DEFAULT '';
ALTER DOMAIN quantity SET DEFAULT 1;
ALTER DOMAIN quantity DROP CONSTRAINT chk_quantity_positive;
ALTER DOMAIN email_address VALIDATE CONSTRAINT chk_email_address_at;
-- the CHECK on the column instead
ALTER TABLE order_lines ADD CONSTRAINT chk_order_lines_qty CHECK (qty > 0) NOT VALID;
