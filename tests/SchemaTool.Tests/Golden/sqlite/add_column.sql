-- up
-- add column users.bio
ALTER TABLE "users" ADD COLUMN "bio" text;

-- add column users.points
ALTER TABLE "users" ADD COLUMN "points" INTEGER NOT NULL DEFAULT 0;

-- down
-- drop column users.points
-- WARNING: drops column users.points and its data
ALTER TABLE "users" DROP COLUMN "points";

-- drop column users.bio
-- WARNING: drops column users.bio and its data
ALTER TABLE "users" DROP COLUMN "bio";

