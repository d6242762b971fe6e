-- drop check ck_users_email on users
ALTER TABLE `users` DROP CONSTRAINT `ck_users_email`, ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- drop check ck_users_email on users
ALTER TABLE `users` DROP CONSTRAINT `ck_users_email`;

