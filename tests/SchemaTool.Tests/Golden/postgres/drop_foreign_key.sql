-- drop foreign key fk_users_team on users
ALTER TABLE "users" DROP CONSTRAINT "fk_users_team";

