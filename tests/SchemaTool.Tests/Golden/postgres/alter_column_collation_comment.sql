-- alter column users.name
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(64) COLLATE "C";
COMMENT ON COLUMN "users"."name" IS NULL;

