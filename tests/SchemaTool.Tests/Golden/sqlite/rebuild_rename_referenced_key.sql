-- up
-- rename column teams.id to team_no
ALTER TABLE "teams" RENAME COLUMN "id" TO "team_no";

-- rebuild table teams
CREATE TABLE "_schematool_new_teams" (
  "team_no" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "name" varchar(80) NOT NULL
);
INSERT INTO "_schematool_new_teams" ("team_no", "name") SELECT "team_no", "name" FROM "teams";
DELETE FROM sqlite_sequence WHERE name = '_schematool_new_teams';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schematool_new_teams', seq FROM sqlite_sequence WHERE name = 'teams';
DROP TABLE "teams";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_teams" RENAME TO "teams";
PRAGMA legacy_alter_table = OFF;
CREATE UNIQUE INDEX "uq_teams_name" ON "teams" ("name");

-- down
-- rebuild table teams
-- WARNING: changes the type of teams.name from varchar(80) to varchar(64): values may be truncated or fail to convert
CREATE TABLE "_schematool_new_teams" (
  "team_no" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "name" varchar(64) NOT NULL
);
INSERT INTO "_schematool_new_teams" ("team_no", "name") SELECT "team_no", "name" FROM "teams";
DELETE FROM sqlite_sequence WHERE name = '_schematool_new_teams';
INSERT INTO sqlite_sequence (name, seq) SELECT '_schematool_new_teams', seq FROM sqlite_sequence WHERE name = 'teams';
DROP TABLE "teams";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_teams" RENAME TO "teams";
PRAGMA legacy_alter_table = OFF;
CREATE UNIQUE INDEX "uq_teams_name" ON "teams" ("name");

-- rename column teams.team_no to id
ALTER TABLE "teams" RENAME COLUMN "team_no" TO "id";

