-- set comment of trigger users_touch
COMMENT ON TRIGGER "users_touch" ON "users" IS NULL;

