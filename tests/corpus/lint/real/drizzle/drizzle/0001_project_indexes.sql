-- lint-rules: create-index-non-concurrent, concurrently-in-transaction
ALTER TABLE "projects" ADD COLUMN "ownerId" uuid;--> statement-breakpoint
-- expect: create-index-non-concurrent
CREATE INDEX "projects_name_idx" ON "projects" USING btree ("name");--> statement-breakpoint
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY "projects_owner_idx" ON "projects" USING btree ("ownerId");
