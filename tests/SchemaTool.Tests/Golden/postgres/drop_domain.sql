-- drop domain email
DROP DOMAIN "email";

