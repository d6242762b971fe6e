-- drop index ix_users_fancy on users
DROP INDEX "ix_users_fancy";

