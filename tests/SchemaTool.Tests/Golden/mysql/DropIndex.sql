-- drop index uq_users_email on users
ALTER TABLE `users` DROP INDEX `uq_users_email`;

