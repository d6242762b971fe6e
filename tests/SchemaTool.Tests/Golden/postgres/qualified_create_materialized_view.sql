-- create materialized view analytics.team_totals
CREATE MATERIALIZED VIEW "analytics"."team_totals" AS SELECT team_id,
    count(*) AS n
   FROM auth.users
  GROUP BY team_id
WITH DATA;
CREATE UNIQUE INDEX "ix_team_totals_team" ON "analytics"."team_totals" ("team_id");
COMMENT ON INDEX "analytics"."ix_team_totals_team" IS 'one row a team';
COMMENT ON MATERIALIZED VIEW "analytics"."team_totals" IS 'per team';

