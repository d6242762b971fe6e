-- add primary key on users(id)
ALTER TABLE "users" ADD PRIMARY KEY ("id");

