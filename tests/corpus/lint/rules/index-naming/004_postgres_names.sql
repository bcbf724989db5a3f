-- lint-rules: index-naming
-- the names PostgreSQL gives indexes without one: {table}_{columns}_idx, _key for unique ones
CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);
CREATE INDEX CONCURRENTLY orders_user_id_created_at_idx ON orders (user_id, created_at);
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);
CREATE UNIQUE INDEX CONCURRENTLY users_pkey ON users (id);
CREATE INDEX CONCURRENTLY orders_tags_idx ON orders USING gin (tags);
-- an expression is named after its function, INCLUDE columns count too
CREATE INDEX CONCURRENTLY users_lower_idx ON users (lower(email));
CREATE INDEX CONCURRENTLY orders_user_id_status_idx ON orders (user_id) INCLUDE (status);
-- the number PostgreSQL appends when the name is taken
CREATE INDEX CONCURRENTLY orders_status_idx1 ON orders (status) WHERE status <> 'closed';
-- cut to 63 bytes, the longer part first
CREATE TABLE customer_notification_preferences_by_channel (id uuid PRIMARY KEY, notification_channel_identifier text NOT NULL);
CREATE INDEX customer_notification_prefere_notification_channel_identifi_idx ON customer_notification_preferences_by_channel (notification_channel_identifier);
CREATE INDEX customer_notification_prefere_notification_channel_identif_idx1 ON customer_notification_preferences_by_channel (notification_channel_identifier) WHERE notification_channel_identifier <> '';
