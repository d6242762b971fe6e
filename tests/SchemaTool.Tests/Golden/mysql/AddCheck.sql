-- add check ck_users_email on users
-- copies the table, writes waiting until it ends: MariaDB and MySQL add a CHECK constraint only by copying the table
ALTER TABLE `users` ADD CONSTRAINT `ck_users_email` CHECK (email <> ''), ALGORITHM=COPY, LOCK=SHARED;

-- ==== plain forms (online: false) ====

-- add check ck_users_email on users
-- copies the table, writes waiting until it ends: MariaDB and MySQL add a CHECK constraint only by copying the table
ALTER TABLE `users` ADD CONSTRAINT `ck_users_email` CHECK (email <> '');

