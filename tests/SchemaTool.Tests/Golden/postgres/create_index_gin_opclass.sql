-- create index ix_users_tags on users
CREATE INDEX "ix_users_tags" ON "users" USING gin ("tags" jsonb_path_ops);

