-- add column users.name
ALTER TABLE "users" ADD COLUMN "name" character varying(64) NOT NULL DEFAULT 'it''s';
COMMENT ON COLUMN "users"."name" IS 'shown name';

