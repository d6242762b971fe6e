-- set comment of schema auth
COMMENT ON SCHEMA "auth" IS 'who signs in';

