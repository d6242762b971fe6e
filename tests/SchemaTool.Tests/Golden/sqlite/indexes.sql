-- up
-- drop index ix_users_login on users
DROP INDEX "ix_users_login";

-- create index ix_users_lower_login on users
CREATE INDEX "ix_users_lower_login" ON "users" ((lower(login)));

-- create unique index ix_users_team_login on users
CREATE UNIQUE INDEX "ix_users_team_login" ON "users" ("team_id", "login" DESC) WHERE team_id IS NOT NULL;

-- down
-- drop index ix_users_team_login on users
DROP INDEX "ix_users_team_login";

-- drop index ix_users_lower_login on users
DROP INDEX "ix_users_lower_login";

-- create index ix_users_login on users
CREATE INDEX "ix_users_login" ON "users" ("login");

