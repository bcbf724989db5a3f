CREATE TABLE "users" ("id" uuid PRIMARY KEY NOT NULL);
--> statement-breakpoint
CREATE TABLE "posts" ("id" uuid PRIMARY KEY NOT NULL, "author_id" uuid NOT NULL, "editor_id" uuid);
