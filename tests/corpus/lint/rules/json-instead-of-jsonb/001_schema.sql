CREATE TABLE events (id uuid PRIMARY KEY, payload jsonb NOT NULL, raw text);
