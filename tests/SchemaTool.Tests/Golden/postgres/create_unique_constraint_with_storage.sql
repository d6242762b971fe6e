-- create unique index uq_users_name on users
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE UNIQUE INDEX CONCURRENTLY "uq_users_name" ON "users" ("name") WITH (fillfactor = 80);
ALTER TABLE "users" ADD CONSTRAINT "uq_users_name" UNIQUE USING INDEX "uq_users_name";

-- ==== plain forms (online: false) ====

-- create unique index uq_users_name on users
ALTER TABLE "users" ADD CONSTRAINT "uq_users_name" UNIQUE ("name") WITH (fillfactor = 80);

