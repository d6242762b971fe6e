-- rename index ix_users_created on users to ix_users_created_at
ALTER TABLE `users` RENAME INDEX `ix_users_created` TO `ix_users_created_at`, ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- rename index ix_users_created on users to ix_users_created_at
ALTER TABLE `users` RENAME INDEX `ix_users_created` TO `ix_users_created_at`;

