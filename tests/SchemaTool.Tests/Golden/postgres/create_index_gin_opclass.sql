-- create index ix_users_tags on users
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE INDEX CONCURRENTLY "ix_users_tags" ON "users" USING gin ("tags" jsonb_path_ops);

-- ==== plain forms (online: false) ====

-- create index ix_users_tags on users
CREATE INDEX "ix_users_tags" ON "users" USING gin ("tags" jsonb_path_ops);

