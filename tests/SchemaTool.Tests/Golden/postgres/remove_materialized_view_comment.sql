-- set comment of materialized view team_totals
COMMENT ON MATERIALIZED VIEW "team_totals" IS NULL;

