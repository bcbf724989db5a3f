CREATE TABLE legacy (code text NOT NULL);
