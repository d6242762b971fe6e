-- create trigger users_touch on users
CREATE TRIGGER "users_touch" BEFORE INSERT OR UPDATE OF "name", "team_id" ON "users" FOR EACH ROW WHEN (new.name IS DISTINCT FROM old.name) EXECUTE FUNCTION touch();
COMMENT ON TRIGGER "users_touch" ON "users" IS 'on rename';

