-- create trigger active_users_insert on active_users
CREATE TRIGGER "active_users_insert" INSTEAD OF INSERT ON "active_users" FOR EACH ROW EXECUTE FUNCTION touch();

