ALTER TABLE customers ADD COLUMN email varchar(100);
