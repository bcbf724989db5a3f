-- lint-rules: concurrently-in-transaction
-- drizzle's migrator runs every migration inside one transaction
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY "idx_orders_status" ON "orders" USING btree ("status");--> statement-breakpoint
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY "idx_orders_user_id" ON "orders" USING btree ("user_id");
