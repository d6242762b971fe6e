-- create view active_users
CREATE VIEW "active_users" ("id", "full_name") AS SELECT id,
    name
   FROM users
  WHERE team_id IS NOT NULL;

