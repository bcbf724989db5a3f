-- lint-rules: unnamed-constraint
-- one finding per statement, listing every unnamed constraint
-- expect: unnamed-constraint
CREATE TABLE payments (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  amount numeric NOT NULL CHECK (amount > 0),
  reference text UNIQUE
);
-- expect: unnamed-constraint
ALTER TABLE orders ADD CHECK (total >= 0) NOT VALID;
-- expect: unnamed-constraint
ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID;
-- expect: unnamed-constraint
ALTER TABLE orders ADD EXCLUDE USING gist (during WITH &&);
