-- add primary key on users(id, created_at)
ALTER TABLE `users` ADD PRIMARY KEY (`id`, `created_at`);

