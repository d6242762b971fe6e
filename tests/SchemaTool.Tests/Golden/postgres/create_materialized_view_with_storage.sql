-- create materialized view team_totals
CREATE MATERIALIZED VIEW "team_totals" WITH (fillfactor = 70) AS SELECT team_id,
    count(*) AS n
   FROM users
  GROUP BY team_id
WITH DATA;
CREATE UNIQUE INDEX "ix_team_totals_team" ON "team_totals" ("team_id");
COMMENT ON INDEX "ix_team_totals_team" IS 'one row a team';
COMMENT ON MATERIALIZED VIEW "team_totals" IS 'per team';

