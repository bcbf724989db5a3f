-- lint-rules: create-enum-type
-- expect: create-enum-type
CREATE TYPE shipment_status AS ENUM ('pending', 'shipped', 'delivered');
-- expect: create-enum-type
CREATE TYPE billing.plan AS ENUM ('free', 'pro');
