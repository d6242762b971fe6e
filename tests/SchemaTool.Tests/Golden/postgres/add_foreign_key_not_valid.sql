-- add foreign key fk_users_team on users
ALTER TABLE "users" ADD CONSTRAINT "fk_users_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED NOT VALID;

