-- add primary key on users(id), add column users.id
ALTER TABLE `users` ADD COLUMN `id` bigint NOT NULL AUTO_INCREMENT FIRST, ADD PRIMARY KEY (`id`);

-- drop column users.id, drop primary key of users
-- WARNING: drops column users.id and its data
ALTER TABLE `users` DROP PRIMARY KEY, DROP COLUMN `id`;

