-- drop table users
-- WARNING: drops table users and all its rows
DROP TABLE "users";

