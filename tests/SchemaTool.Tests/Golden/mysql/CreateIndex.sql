-- create index ix_users_created on users
ALTER TABLE `users` ADD INDEX `ix_users_created` (`created_at` DESC, `id`), ALGORITHM=INPLACE, LOCK=NONE;

-- ==== plain forms (online: false) ====

-- create index ix_users_created on users
ALTER TABLE `users` ADD INDEX `ix_users_created` (`created_at` DESC, `id`);

