-- drop check ck_users_name on users
ALTER TABLE "users" DROP CONSTRAINT "ck_users_name";

