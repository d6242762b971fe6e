-- drop trigger users_touch on users
DROP TRIGGER `users_touch`;

