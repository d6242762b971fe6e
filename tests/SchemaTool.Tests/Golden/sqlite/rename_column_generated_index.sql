-- up
-- drop index ix_users_login on users
DROP INDEX "ix_users_login";

-- rename column users.login to username
ALTER TABLE "users" RENAME COLUMN "login" TO "username";

-- create index ix_users_username on users
CREATE INDEX "ix_users_username" ON "users" ("username");

-- down
-- drop index ix_users_username on users
DROP INDEX "ix_users_username";

-- rename column users.username to login
ALTER TABLE "users" RENAME COLUMN "username" TO "login";

-- create index ix_users_login on users
CREATE INDEX "ix_users_login" ON "users" ("login");

