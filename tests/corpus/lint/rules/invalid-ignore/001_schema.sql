CREATE TABLE legacy_carts (id uuid PRIMARY KEY);
CREATE TABLE legacy_sessions (id uuid PRIMARY KEY);
CREATE TABLE legacy_tokens (id uuid PRIMARY KEY);
