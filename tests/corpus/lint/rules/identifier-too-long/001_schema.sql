CREATE TABLE orders (id uuid PRIMARY KEY, customer_reference_number text, fulfillment_center_id uuid);
