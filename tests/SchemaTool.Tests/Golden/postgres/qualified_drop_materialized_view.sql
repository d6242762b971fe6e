-- drop materialized view analytics.team_totals
DROP MATERIALIZED VIEW "analytics"."team_totals";

