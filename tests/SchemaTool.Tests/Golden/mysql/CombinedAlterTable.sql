-- add primary key on users(id), add column users.id
-- rebuilds in place, writes waiting until it ends: the AUTO_INCREMENT column id numbers the rows as the table is rebuilt
ALTER TABLE `users` ADD COLUMN `id` bigint NOT NULL AUTO_INCREMENT FIRST, ADD PRIMARY KEY (`id`), ALGORITHM=INPLACE, LOCK=SHARED;

-- drop column users.id, drop primary key of users
-- WARNING: drops column users.id and its data
-- copies the table, writes waiting until it ends: InnoDB drops a primary key, without adding another, only by copying the table
ALTER TABLE `users` DROP PRIMARY KEY, DROP COLUMN `id`, ALGORITHM=COPY, LOCK=SHARED;

-- ==== plain forms (online: false) ====

-- add primary key on users(id), add column users.id
-- rebuilds in place, writes waiting until it ends: the AUTO_INCREMENT column id numbers the rows as the table is rebuilt
ALTER TABLE `users` ADD COLUMN `id` bigint NOT NULL AUTO_INCREMENT FIRST, ADD PRIMARY KEY (`id`);

-- drop column users.id, drop primary key of users
-- WARNING: drops column users.id and its data
-- copies the table, writes waiting until it ends: InnoDB drops a primary key, without adding another, only by copying the table
ALTER TABLE `users` DROP PRIMARY KEY, DROP COLUMN `id`;

