-- alter column users.name
-- WARNING: changes the type of users.name from character varying(64) to integer: values may be truncated or fail to convert
ALTER TABLE "users" ALTER COLUMN "name" TYPE integer USING "name"::integer;

