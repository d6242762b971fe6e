-- replace view active_users
CREATE OR REPLACE VIEW "active_users" ("id", "full_name") AS SELECT id,
    name
   FROM users
  WHERE team_id IS NOT NULL;

