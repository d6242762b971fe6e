-- drop index uq_users_name on users
ALTER TABLE "users" DROP CONSTRAINT "uq_users_name";

