CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE orders (id uuid PRIMARY KEY, user_id uuid NOT NULL, coupon_id uuid);
CREATE TABLE coupons (id uuid PRIMARY KEY);
