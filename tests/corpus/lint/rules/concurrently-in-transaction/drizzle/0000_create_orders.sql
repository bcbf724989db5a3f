CREATE TABLE "orders" ("id" uuid PRIMARY KEY NOT NULL, "status" text NOT NULL, "user_id" uuid);
