-- up
-- drop trigger users_legacy on users
DROP TRIGGER "users_legacy";

-- drop view logins
DROP VIEW "logins";

-- drop view team_logins
DROP VIEW "team_logins";

-- rebuild table users
CREATE TABLE "_schematool_new_users" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "login" varchar(80) NOT NULL,
  "team_id" INTEGER,
  "legacy" text,
  CONSTRAINT "fk_users_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL
);
INSERT INTO "_schematool_new_users" ("id", "login", "team_id", "legacy") SELECT "id", "login", "team_id", "legacy" FROM "users";
DELETE FROM sqlite_sequence WHERE name = '_schematool_new_users';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schematool_new_users', seq FROM sqlite_sequence WHERE name = 'users';
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
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

-- rebuild table users
-- WARNING: changes the type of users.login from varchar(80) to varchar(64): values may be truncated or fail to convert
CREATE TABLE "_schematool_new_users" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "login" varchar(64) NOT NULL,
  "team_id" INTEGER,
  "legacy" text,
  CONSTRAINT "fk_users_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL
);
INSERT INTO "_schematool_new_users" ("id", "login", "team_id", "legacy") SELECT "id", "login", "team_id", "legacy" FROM "users";
DELETE FROM sqlite_sequence WHERE name = '_schematool_new_users';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schematool_new_users', seq FROM sqlite_sequence WHERE name = 'users';
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
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

