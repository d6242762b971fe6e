-- move column users.email after id
ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here' AFTER `id`, ALGORITHM=INSTANT;

-- move column users.email after created_at
ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here' AFTER `created_at`, ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- move column users.email after id
ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here' AFTER `id`;

-- move column users.email after created_at
ALTER TABLE `users` MODIFY COLUMN `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here' AFTER `created_at`;

