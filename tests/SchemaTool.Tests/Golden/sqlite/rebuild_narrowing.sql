-- up
-- rebuild table users
-- WARNING: changes the type of users.login from varchar(64) to varchar(16): values may be truncated or fail to convert; changes the type of users.legacy from text to INTEGER: values may be truncated or fail to convert
CREATE TABLE "_schematool_new_users" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "login" varchar(16) NOT NULL,
  "team_id" INTEGER,
  "legacy" INTEGER,
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

-- down
-- rebuild table users
-- WARNING: changes the type of users.legacy from INTEGER to text: values may be truncated or fail to convert
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

