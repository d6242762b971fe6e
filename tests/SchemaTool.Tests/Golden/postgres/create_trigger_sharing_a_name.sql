-- create trigger last_updated on teams
CREATE TRIGGER "last_updated" BEFORE UPDATE ON "teams" FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON TRIGGER "last_updated" ON "teams" IS 'of teams';

