-- drop primary key of users
ALTER TABLE "users" DROP CONSTRAINT "users_pkey";

