-- lint-rules: fk-without-not-valid
-- drizzle wraps foreign keys in a DO block; the statement inside is linted
-- expect: fk-without-not-valid
DO $$ BEGIN
 ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
DO $$ BEGIN
 ALTER TABLE "orders" ADD CONSTRAINT "orders_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") NOT VALID;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
