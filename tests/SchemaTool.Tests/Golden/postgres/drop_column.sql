-- drop column users.name
-- WARNING: drops column users.name and its data
ALTER TABLE "users" DROP COLUMN "name";

