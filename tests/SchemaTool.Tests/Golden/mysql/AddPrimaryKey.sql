-- add primary key on users(id, created_at)
ALTER TABLE `users` ADD PRIMARY KEY (`id`, `created_at`), ALGORITHM=INPLACE, LOCK=NONE;

-- ==== plain forms (online: false) ====

-- add primary key on users(id, created_at)
ALTER TABLE `users` ADD PRIMARY KEY (`id`, `created_at`);

