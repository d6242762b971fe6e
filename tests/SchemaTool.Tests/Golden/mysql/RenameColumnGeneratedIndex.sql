-- up
-- rename column users.email to mail
ALTER TABLE `users` RENAME COLUMN `email` TO `mail`, ALGORITHM=INSTANT;

-- rename index ix_users_username on users to ix_users_login
ALTER TABLE `users` RENAME INDEX `ix_users_username` TO `ix_users_login`, ALGORITHM=INSTANT;

-- rename index uq_users_code on users to uq_users_code_v2
ALTER TABLE `users` RENAME INDEX `uq_users_code` TO `uq_users_code_v2`, ALGORITHM=INSTANT;

-- rename index uq_users_email on users to uq_users_mail
ALTER TABLE `users` RENAME INDEX `uq_users_email` TO `uq_users_mail`, ALGORITHM=INSTANT;

-- rename column users.username to login
ALTER TABLE `users` RENAME COLUMN `username` TO `login`, ALGORITHM=INSTANT;

-- down
-- rename column users.login to username
ALTER TABLE `users` RENAME COLUMN `login` TO `username`, ALGORITHM=INSTANT;

-- rename index uq_users_mail on users to uq_users_email
ALTER TABLE `users` RENAME INDEX `uq_users_mail` TO `uq_users_email`, ALGORITHM=INSTANT;

-- rename index uq_users_code_v2 on users to uq_users_code
ALTER TABLE `users` RENAME INDEX `uq_users_code_v2` TO `uq_users_code`, ALGORITHM=INSTANT;

-- rename index ix_users_login on users to ix_users_username
ALTER TABLE `users` RENAME INDEX `ix_users_login` TO `ix_users_username`, ALGORITHM=INSTANT;

-- rename column users.mail to email
ALTER TABLE `users` RENAME COLUMN `mail` TO `email`, ALGORITHM=INSTANT;

