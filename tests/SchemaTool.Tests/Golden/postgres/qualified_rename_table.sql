-- rename table auth.users to auth.members
ALTER TABLE "auth"."users" RENAME TO "members";

