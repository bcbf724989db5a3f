CREATE TYPE priority AS ENUM ('low', 'medium', 'high');
CREATE TABLE tickets (id uuid PRIMARY KEY, priority priority NOT NULL DEFAULT 'low');
