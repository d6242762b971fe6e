-- up
-- rebuild table users
CREATE TABLE "_schematool_new_users" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "login" varchar(64) NOT NULL,
  "team_id" INTEGER,
  "legacy" text,
  CONSTRAINT "ck_users_login" CHECK (login <> ''),
  CONSTRAINT "fk_users_legacy" FOREIGN KEY ("legacy") REFERENCES "teams" ("name") ON UPDATE CASCADE
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

