-- add column users.email
ALTER TABLE `users` ADD COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here' AFTER `id`, ALGORITHM=INSTANT;

-- drop column users.email
-- WARNING: drops column users.email and its data
ALTER TABLE `users` DROP COLUMN `email`, ALGORITHM=INSTANT;

-- add column users.email
ALTER TABLE `users` ADD COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here' FIRST, ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- add column users.email
ALTER TABLE `users` ADD COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here' AFTER `id`;

-- drop column users.email
-- WARNING: drops column users.email and its data
ALTER TABLE `users` DROP COLUMN `email`;

-- add column users.email
ALTER TABLE `users` ADD COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here' FIRST;

