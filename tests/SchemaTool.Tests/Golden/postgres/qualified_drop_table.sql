-- drop table auth.users
-- WARNING: drops table auth.users and all its rows
DROP TABLE "auth"."users";

