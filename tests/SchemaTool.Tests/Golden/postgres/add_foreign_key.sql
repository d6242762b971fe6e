-- add foreign key fk_users_team on users
ALTER TABLE "users" ADD CONSTRAINT "fk_users_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED NOT VALID;
-- runs in a transaction of its own: VALIDATE CONSTRAINT reads the whole table; it must not hold the locks of the statements before it while it does
ALTER TABLE "users" VALIDATE CONSTRAINT "fk_users_team";

-- ==== plain forms (online: false) ====

-- add foreign key fk_users_team on users
ALTER TABLE "users" ADD CONSTRAINT "fk_users_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;

