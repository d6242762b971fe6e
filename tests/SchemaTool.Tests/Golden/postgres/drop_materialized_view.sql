-- drop materialized view team_totals
DROP MATERIALIZED VIEW "team_totals";

