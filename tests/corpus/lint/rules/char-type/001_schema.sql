CREATE TABLE countries (id uuid PRIMARY KEY, name text NOT NULL, iso text);
