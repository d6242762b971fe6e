-- rename table users to members
ALTER TABLE "users" RENAME TO "members";

