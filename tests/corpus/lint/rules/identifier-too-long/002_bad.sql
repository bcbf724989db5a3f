-- lint-rules: identifier-too-long
-- expect: identifier-too-long
CREATE INDEX CONCURRENTLY idx_orders_customer_reference_number_and_fulfillment_center_id_x ON orders (customer_reference_number, fulfillment_center_id);
-- expect: identifier-too-long
ALTER TABLE orders ADD CONSTRAINT "Orders_Customer_Reference_Number_Must_Not_Be_Empty_When_It_Is_Present" CHECK (customer_reference_number <> '') NOT VALID;
