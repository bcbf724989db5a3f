CREATE TABLE "orders" ("id" uuid PRIMARY KEY NOT NULL, "status" text NOT NULL);
--> statement-breakpoint
CREATE TABLE "users" ("id" uuid PRIMARY KEY NOT NULL);
