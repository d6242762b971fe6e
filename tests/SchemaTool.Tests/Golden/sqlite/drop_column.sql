-- up
-- drop column users.legacy
-- WARNING: drops column users.legacy and its data
ALTER TABLE "users" DROP COLUMN "legacy";

-- down
-- add column users.legacy
ALTER TABLE "users" ADD COLUMN "legacy" text;

