-- add check ck_users_email on users
ALTER TABLE `users` ADD CONSTRAINT `ck_users_email` CHECK (email <> '');

