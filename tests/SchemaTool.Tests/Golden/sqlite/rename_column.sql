-- up
-- rename column users.login to username
ALTER TABLE "users" RENAME COLUMN "login" TO "username";

-- down
-- rename column users.username to login
ALTER TABLE "users" RENAME COLUMN "username" TO "login";

