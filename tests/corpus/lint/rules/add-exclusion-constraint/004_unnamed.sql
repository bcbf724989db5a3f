-- lint-rules: add-exclusion-constraint
-- expect: add-exclusion-constraint
ALTER TABLE bookings ADD EXCLUDE USING gist (during WITH &&) WHERE (room_id IS NOT NULL);
