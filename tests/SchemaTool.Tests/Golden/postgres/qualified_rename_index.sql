-- rename index ix_users_email on auth.users to ix_users_mail
ALTER INDEX "auth"."ix_users_email" RENAME TO "ix_users_mail";

