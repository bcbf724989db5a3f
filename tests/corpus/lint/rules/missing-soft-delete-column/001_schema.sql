CREATE TABLE documents (id uuid PRIMARY KEY, body text, deleted_at timestamptz);
CREATE TABLE events (id uuid NOT NULL, happened_on date NOT NULL, PRIMARY KEY (id, happened_on)) PARTITION BY RANGE (happened_on);
