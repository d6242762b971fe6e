-- up
-- rename column users.login to username
ALTER TABLE "users" RENAME COLUMN "login" TO "username";

-- rebuild table users
-- WARNING: rebuilds table users without column(s) team_id: their data is lost
CREATE TABLE "_schematool_new_users" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "username" varchar(80) NOT NULL,
  "legacy" text
);
INSERT INTO "_schematool_new_users" ("id", "username", "legacy") SELECT "id", "username", "legacy" FROM "users";
DELETE FROM sqlite_sequence WHERE name = '_schematool_new_users';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schematool_new_users', seq FROM sqlite_sequence WHERE name = 'users';
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_users_login" ON "users" ("username");
CREATE TRIGGER trg_users_touch AFTER UPDATE ON users BEGIN UPDATE users SET legacy = 'touched' WHERE id = NEW.id; END;

-- down
-- rebuild table users
-- WARNING: changes the type of users.username from varchar(80) to varchar(64): values may be truncated or fail to convert
CREATE TABLE "_schematool_new_users" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "username" varchar(64) NOT NULL,
  "team_id" INTEGER,
  "legacy" text,
  CONSTRAINT "fk_users_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL
);
INSERT INTO "_schematool_new_users" ("id", "username", "legacy") SELECT "id", "username", "legacy" FROM "users";
DELETE FROM sqlite_sequence WHERE name = '_schematool_new_users';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schematool_new_users', seq FROM sqlite_sequence WHERE name = 'users';
DROP TABLE "users";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_users" RENAME TO "users";
PRAGMA legacy_alter_table = OFF;
CREATE INDEX "ix_users_login" ON "users" ("username");
CREATE TRIGGER trg_users_touch AFTER UPDATE ON users BEGIN UPDATE users SET legacy = 'touched' WHERE id = NEW.id; END;

-- rename column users.username to login
ALTER TABLE "users" RENAME COLUMN "username" TO "login";

