-- add check ck_users_status on users
ALTER TABLE "users" ADD CONSTRAINT "ck_users_status" CHECK (status <> '') NOT VALID;

