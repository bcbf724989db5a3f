CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE bookings (id uuid PRIMARY KEY, room_id uuid NOT NULL, during tstzrange NOT NULL);
