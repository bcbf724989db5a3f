-- lint-rules: fk-missing-on-delete
-- drizzle wraps foreign keys in DO blocks and writes "on delete no action" explicitly
DO $$ BEGIN
 ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
-- expect: fk-missing-on-delete
DO $$ BEGIN
 ALTER TABLE "posts" ADD CONSTRAINT "posts_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id");
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
