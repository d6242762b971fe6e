-- drop view active_users
DROP VIEW "active_users";

