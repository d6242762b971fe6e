-- drop foreign key fk_users_role on users
ALTER TABLE `users` DROP FOREIGN KEY `fk_users_role`, ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- drop foreign key fk_users_role on users
ALTER TABLE `users` DROP FOREIGN KEY `fk_users_role`;

