-- rename unique constraint uq_users_name on users to uq_users_full_name
ALTER TABLE "users" RENAME CONSTRAINT "uq_users_name" TO "uq_users_full_name";

