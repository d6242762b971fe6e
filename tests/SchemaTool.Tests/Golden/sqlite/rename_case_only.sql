-- up
-- drop index uq_teams_name on teams
DROP INDEX "uq_teams_name";

-- rename table teams to Teams
ALTER TABLE "teams" RENAME TO "_schematool_rename_Teams";
ALTER TABLE "_schematool_rename_Teams" RENAME TO "Teams";

-- rename column users.login to Login
ALTER TABLE "users" RENAME COLUMN "login" TO "Login";

-- create unique index uq_Teams_name on Teams
CREATE UNIQUE INDEX "uq_Teams_name" ON "Teams" ("name");

-- down
-- drop index uq_Teams_name on Teams
DROP INDEX "uq_Teams_name";

-- rename column users.Login to login
ALTER TABLE "users" RENAME COLUMN "Login" TO "login";

-- rename table Teams to teams
ALTER TABLE "Teams" RENAME TO "_schematool_rename_teams";
ALTER TABLE "_schematool_rename_teams" RENAME TO "teams";

-- create unique index uq_teams_name on teams
CREATE UNIQUE INDEX "uq_teams_name" ON "teams" ("name");

