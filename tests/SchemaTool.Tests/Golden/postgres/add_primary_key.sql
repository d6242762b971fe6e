-- add primary key on users(id)
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE UNIQUE INDEX CONCURRENTLY "users_pkey" ON "users" ("id");
ALTER TABLE "users" ADD CONSTRAINT "users_pkey" PRIMARY KEY USING INDEX "users_pkey";

-- ==== plain forms (online: false) ====

-- add primary key on users(id)
ALTER TABLE "users" ADD PRIMARY KEY ("id");

