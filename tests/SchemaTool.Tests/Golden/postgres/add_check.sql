-- add check ck_users_status on users
ALTER TABLE "users" ADD CONSTRAINT "ck_users_status" CHECK (status = ANY (ARRAY['a', 'b'])) NOT VALID;
-- runs in a transaction of its own: VALIDATE CONSTRAINT reads the whole table; it must not hold the locks of the statements before it while it does
ALTER TABLE "users" VALIDATE CONSTRAINT "ck_users_status";

-- ==== plain forms (online: false) ====

-- add check ck_users_status on users
ALTER TABLE "users" ADD CONSTRAINT "ck_users_status" CHECK (status = ANY (ARRAY['a', 'b']));

