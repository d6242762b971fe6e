-- rename index ix_users_recent on users to ix_users_latest
ALTER INDEX "ix_users_recent" RENAME TO "ix_users_latest";

