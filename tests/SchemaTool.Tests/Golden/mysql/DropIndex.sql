-- drop index uq_users_email on users
ALTER TABLE `users` DROP INDEX `uq_users_email`, ALGORITHM=INPLACE, LOCK=NONE;

-- ==== plain forms (online: false) ====

-- drop index uq_users_email on users
ALTER TABLE `users` DROP INDEX `uq_users_email`;

