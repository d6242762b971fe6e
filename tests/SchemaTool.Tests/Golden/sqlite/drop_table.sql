-- up
-- drop table users
-- WARNING: drops table users and all its rows
DROP TABLE "users";

-- down
-- create table users
CREATE TABLE "users" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "login" varchar(64) NOT NULL,
  "team_id" INTEGER,
  "legacy" text,
  CONSTRAINT "fk_users_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL
);
CREATE INDEX "ix_users_login" ON "users" ("login");

