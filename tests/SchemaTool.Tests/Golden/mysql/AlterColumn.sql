-- alter column users.email
ALTER TABLE `users` MODIFY COLUMN `email` varchar(512) NOT NULL DEFAULT 'none' COMMENT 'where we write, it''s \\ here', ALGORITHM=INPLACE, LOCK=NONE;

-- ==== plain forms (online: false) ====

-- alter column users.email
ALTER TABLE `users` MODIFY COLUMN `email` varchar(512) NOT NULL DEFAULT 'none' COMMENT 'where we write, it''s \\ here';

