-- create trigger users_audit on users
CREATE TRIGGER "users_audit" AFTER INSERT OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION touch('audit', '2');

