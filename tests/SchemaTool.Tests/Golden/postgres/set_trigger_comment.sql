-- set comment of trigger users_touch on users
COMMENT ON TRIGGER "users_touch" ON "users" IS NULL;

