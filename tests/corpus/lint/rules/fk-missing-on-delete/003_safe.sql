-- lint-rules: fk-missing-on-delete
CREATE TABLE reviews (
  id uuid PRIMARY KEY,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  order_id uuid NOT NULL,
  CONSTRAINT fk_reviews_order FOREIGN KEY (order_id) REFERENCES orders (id) ON UPDATE CASCADE ON DELETE CASCADE
);
-- an explicit ON DELETE NO ACTION is a decision, even though it is the default
ALTER TABLE orders ADD CONSTRAINT fk_orders_coupon FOREIGN KEY (coupon_id) REFERENCES coupons (id) ON DELETE NO ACTION NOT VALID;
