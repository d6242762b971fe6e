-- create schema auth
CREATE SCHEMA "auth";
COMMENT ON SCHEMA "auth" IS 'who signs in';

