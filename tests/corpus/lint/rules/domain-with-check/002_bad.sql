-- lint-rules: domain-with-check
-- expect: domain-with-check
CREATE DOMAIN percentage AS numeric CHECK (VALUE >= 0 AND VALUE <= 100);
-- expect: domain-with-check
ALTER DOMAIN quantity ADD CONSTRAINT chk_quantity_positive CHECK (VALUE > 0);
-- NOT VALID only defers the scan to VALIDATE
-- expect: domain-with-check
ALTER DOMAIN email_address ADD CONSTRAINT chk_email_address_at CHECK (VALUE LIKE '%@%') NOT VALID;
