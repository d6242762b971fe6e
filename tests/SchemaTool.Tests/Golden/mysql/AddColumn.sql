-- add column users.email
ALTER TABLE `users` ADD COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here', ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- add column users.email
ALTER TABLE `users` ADD COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here';

