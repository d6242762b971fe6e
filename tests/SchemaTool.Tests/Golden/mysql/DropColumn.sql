-- drop column users.email
-- WARNING: drops column users.email and its data
ALTER TABLE `users` DROP COLUMN `email`, ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- drop column users.email
-- WARNING: drops column users.email and its data
ALTER TABLE `users` DROP COLUMN `email`;

