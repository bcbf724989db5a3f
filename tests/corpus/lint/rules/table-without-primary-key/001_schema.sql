CREATE TABLE measurements (id uuid NOT NULL, taken_on date NOT NULL, value numeric, PRIMARY KEY (id, taken_on)) PARTITION BY RANGE (taken_on);
CREATE TABLE templates (id uuid PRIMARY KEY, body text);
