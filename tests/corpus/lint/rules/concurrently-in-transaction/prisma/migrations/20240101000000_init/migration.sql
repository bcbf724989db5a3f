CREATE TABLE "orders" ("id" uuid NOT NULL, "status" text NOT NULL, "user_id" uuid, CONSTRAINT "orders_pkey" PRIMARY KEY ("id"));
