-- rename column users.email to mail
ALTER TABLE `users` RENAME COLUMN `email` TO `mail`;

