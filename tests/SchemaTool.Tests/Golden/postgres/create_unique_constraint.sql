-- create unique index uq_users_name on users
ALTER TABLE "users" ADD CONSTRAINT "uq_users_name" UNIQUE ("name");

