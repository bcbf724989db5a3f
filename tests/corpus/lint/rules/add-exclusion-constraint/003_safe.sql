-- lint-rules: add-exclusion-constraint
-- a table created in this file
CREATE TABLE desk_bookings (id uuid PRIMARY KEY, desk_id uuid NOT NULL, during tstzrange NOT NULL);
ALTER TABLE desk_bookings ADD CONSTRAINT ex_desk_bookings_desk_during EXCLUDE USING gist (desk_id WITH =, during WITH &&);
CREATE TABLE room_holds (id uuid PRIMARY KEY, room_id uuid NOT NULL, during tstzrange NOT NULL,
  CONSTRAINT ex_room_holds_room_during EXCLUDE USING gist (room_id WITH =, during WITH &&));
