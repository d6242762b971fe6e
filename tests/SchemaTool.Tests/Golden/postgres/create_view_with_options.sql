-- create view active_users
CREATE VIEW "active_users" ("id", "full_name") WITH (security_barrier = true, check_option = local) AS SELECT id,
    name
   FROM users
  WHERE team_id IS NOT NULL;

