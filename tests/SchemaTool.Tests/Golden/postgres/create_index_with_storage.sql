-- create index ix_users_fancy on users
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE INDEX CONCURRENTLY "ix_users_fancy" ON "users" USING btree ((lower(name)), "name" COLLATE "C" text_pattern_ops) WITH (deduplicate_items = true, fillfactor = 70) WHERE team_id > 0;

-- ==== plain forms (online: false) ====

-- create index ix_users_fancy on users
CREATE INDEX "ix_users_fancy" ON "users" USING btree ((lower(name)), "name" COLLATE "C" text_pattern_ops) WITH (deduplicate_items = true, fillfactor = 70) WHERE team_id > 0;

