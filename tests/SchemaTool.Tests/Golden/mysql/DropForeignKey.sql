-- drop foreign key fk_users_role on users
ALTER TABLE `users` DROP FOREIGN KEY `fk_users_role`;

