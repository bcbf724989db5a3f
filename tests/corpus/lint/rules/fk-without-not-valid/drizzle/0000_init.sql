CREATE TABLE "users" ("id" uuid PRIMARY KEY NOT NULL);
--> statement-breakpoint
CREATE TABLE "orders" ("id" uuid PRIMARY KEY NOT NULL, "user_id" uuid, "reviewer_id" uuid);
