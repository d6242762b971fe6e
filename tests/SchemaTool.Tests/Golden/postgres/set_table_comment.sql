-- set comment of table users
COMMENT ON TABLE "users" IS 'people';

