-- lint-rules: varchar-over-text
-- expect: varchar-over-text, varchar-over-text
CREATE TABLE products (id uuid PRIMARY KEY, sku varchar(32) NOT NULL, title character varying(255));
-- expect: varchar-over-text
ALTER TABLE users ADD COLUMN phone varchar(20);
-- expect: varchar-over-text
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(50);
