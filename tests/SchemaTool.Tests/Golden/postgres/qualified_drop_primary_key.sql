-- drop primary key of auth.users
ALTER TABLE "auth"."users" DROP CONSTRAINT "users_pkey";

