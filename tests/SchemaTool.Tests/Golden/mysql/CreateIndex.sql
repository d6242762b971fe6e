-- create index ix_users_created on users
ALTER TABLE `users` ADD INDEX `ix_users_created` (`created_at` DESC, `id`);

