-- up
-- create table teams
CREATE TABLE "teams" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "name" varchar(64) NOT NULL
);
CREATE UNIQUE INDEX "uq_teams_name" ON "teams" ("name");

-- create table users
CREATE TABLE "users" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "login" varchar(64) NOT NULL,
  "team_id" INTEGER,
  "legacy" text,
  CONSTRAINT "fk_users_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL
);
CREATE INDEX "ix_users_login" ON "users" ("login");

-- create view team_logins
CREATE VIEW "team_logins" AS SELECT u.login, t.name FROM users u JOIN teams t ON t.id = u.team_id;

-- create view logins
CREATE VIEW "logins" AS SELECT login FROM team_logins;

-- create trigger users_legacy on users
CREATE TRIGGER "users_legacy" AFTER UPDATE OF "login" ON "users" FOR EACH ROW
BEGIN
  UPDATE users SET legacy = OLD.login WHERE id = NEW.id;
END;

-- down
-- drop trigger users_legacy on users
DROP TRIGGER "users_legacy";

-- drop view logins
DROP VIEW "logins";

-- drop view team_logins
DROP VIEW "team_logins";

-- drop table users
-- WARNING: drops table users and all its rows
DROP TABLE "users";

-- drop table teams
-- WARNING: drops table teams and all its rows
DROP TABLE "teams";

