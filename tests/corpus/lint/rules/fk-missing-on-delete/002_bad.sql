-- lint-rules: fk-missing-on-delete
-- column-level REFERENCES and a table-level FOREIGN KEY (ON UPDATE alone does not count)
-- expect: fk-missing-on-delete, fk-missing-on-delete
CREATE TABLE comments (
  id uuid PRIMARY KEY,
  author_id uuid NOT NULL REFERENCES users (id),
  order_id uuid,
  CONSTRAINT fk_comments_order FOREIGN KEY (order_id) REFERENCES orders (id) ON UPDATE CASCADE
);
-- expect: fk-missing-on-delete
ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
