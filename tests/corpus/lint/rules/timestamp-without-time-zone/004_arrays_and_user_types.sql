-- lint-rules: timestamp-without-time-zone
-- an array of timestamps has the same problem
-- expect: timestamp-without-time-zone
CREATE TABLE schedules (id uuid PRIMARY KEY, slots timestamp[] NOT NULL);
-- a user type that happens to be called timestamp is not the built-in one
CREATE TABLE clocks (id uuid PRIMARY KEY, tick custom.timestamp);
