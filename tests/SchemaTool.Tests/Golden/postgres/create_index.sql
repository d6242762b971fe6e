-- create index ix_users_fancy on users
CREATE INDEX "ix_users_fancy" ON "users" USING btree ((lower(name)), "name" COLLATE "C" text_pattern_ops) WHERE team_id > 0;

