-- rename column users.email to mail
ALTER TABLE `users` RENAME COLUMN `email` TO `mail`, ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- rename column users.email to mail
ALTER TABLE `users` RENAME COLUMN `email` TO `mail`;

