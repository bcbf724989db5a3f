-- lint-rules: add-exclusion-constraint
-- expect: add-exclusion-constraint
ALTER TABLE bookings ADD CONSTRAINT ex_bookings_room_during EXCLUDE USING gist (room_id WITH =, during WITH &&);
