-- lint-rules: multiple-alter-same-table
ALTER TABLE "orders" ADD COLUMN "user_id" uuid;--> statement-breakpoint
-- expect: multiple-alter-same-table
ALTER TABLE "orders" ADD COLUMN "note" text;--> statement-breakpoint
-- the foreign key drizzle wraps in a DO block is not counted
DO $$ BEGIN
 ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
