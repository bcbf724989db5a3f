-- lint-rules: index-naming
CREATE TABLE "User" (id text PRIMARY KEY, email text NOT NULL, "createdAt" timestamptz NOT NULL, "teamId" text);
-- Prisma: {Table}_{columns}_idx and _key, cut to 59 bytes before the suffix
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_teamId_createdAt_idx" ON "User"("teamId", "createdAt");
CREATE INDEX "customer_notification_preferences_by_channel_notification_c_idx" ON "customer_notification_preferences_by_channel"("notification_channel_identifier");
-- drizzle-kit: {table}_{columns}_index
CREATE INDEX "orders_user_id_status_index" ON "orders" USING btree ("user_id","status");
-- knex: {table}_{columns}_index, _unique, _foreign
CREATE INDEX orders_created_at_index ON orders (created_at);
CREATE UNIQUE INDEX users_email_unique ON users (email);
CREATE INDEX orders_user_id_foreign ON orders (user_id);
CREATE INDEX public_orders_status_index ON public.orders (status);
-- Sequelize: underscore({table}_{columns}), _unique for unique indexes since v7
CREATE INDEX "user_team_id_created_at" ON "User" ("teamId", "createdAt");
CREATE UNIQUE INDEX "user_email_unique" ON "User" ("email");
-- TypeORM: IDX_, UQ_ and REL_ with hex digits of a hash
CREATE INDEX "IDX_94a85bb16d24033a2afdd5df06" ON "User" ("email");
CREATE UNIQUE INDEX "REL_0b5b7e5ad9a1e2f9b3c4d5e6f7" ON "User" ("teamId");
CREATE UNIQUE INDEX "UQ_e12875dfb3b1d92d7d7c5377e22" ON "User" ("email");
-- Rails: index_{table}_on_{col1}_and_{col2}, or idx_on_{columns}_{hash} when that is too long
CREATE INDEX index_orders_on_user_id_and_created_at ON orders (user_id, created_at);
CREATE TABLE warehouse_inventory_adjustment_audit_entries (id bigint PRIMARY KEY, adjustment_reason_code_identifier text);
CREATE INDEX idx_on_adjustment_reason_code_identifier_0123456789 ON warehouse_inventory_adjustment_audit_entries (adjustment_reason_code_identifier);
-- Django: {table}_{columns}_{hash}[_like], halves cut when too long, and {table:11}_{column:7}_{hash}_idx
CREATE TABLE blog_article (id bigint PRIMARY KEY, author_id bigint NOT NULL, slug varchar(50) NOT NULL, title text NOT NULL);
CREATE INDEX "blog_article_author_id_9dd4e461" ON "blog_article" ("author_id");
CREATE INDEX "blog_article_slug_3a2f1b0c_like" ON "blog_article" ("slug" varchar_pattern_ops);
CREATE INDEX "blog_articl_title_1a2b3c_idx" ON "blog_article" ("title");
CREATE INDEX "warehouse_inventory_adjust_adjustment_reason_code_ide_0a1b2c3d" ON "warehouse_inventory_adjustment_audit_entries" ("adjustment_reason_code_identifier");
