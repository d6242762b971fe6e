-- up
-- drop index uq_teams_name on teams
DROP INDEX "uq_teams_name";

-- rename table teams to squads
ALTER TABLE "teams" RENAME TO "squads";

-- create unique index uq_squads_name on squads
CREATE UNIQUE INDEX "uq_squads_name" ON "squads" ("name");

-- down
-- drop index uq_squads_name on squads
DROP INDEX "uq_squads_name";

-- rename table squads to teams
ALTER TABLE "squads" RENAME TO "teams";

-- create unique index uq_teams_name on teams
CREATE UNIQUE INDEX "uq_teams_name" ON "teams" ("name");

