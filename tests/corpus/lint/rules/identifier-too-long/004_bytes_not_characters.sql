-- lint-rules: identifier-too-long
-- 43 characters but 73 bytes: the limit counts bytes
-- expect: identifier-too-long
CREATE TABLE "bestellungen_üüüüüüüüüüüüüüüüüüüüüüüüüüüüüü" (id uuid PRIMARY KEY);
