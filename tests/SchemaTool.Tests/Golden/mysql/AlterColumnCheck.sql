-- alter column users.n
-- copies the table, writes waiting until it ends: the CHECK of n is checked against the existing rows only when the table is copied (in place, MariaDB would not read them)
ALTER TABLE `users` MODIFY COLUMN `n` int NOT NULL CHECK (n > 0), ALGORITHM=COPY, LOCK=SHARED;

-- alter column users.n
ALTER TABLE `users` MODIFY COLUMN `n` int NOT NULL, ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- alter column users.n
-- copies the table, writes waiting until it ends: the CHECK of n is checked against the existing rows only when the table is copied (in place, MariaDB would not read them)
ALTER TABLE `users` MODIFY COLUMN `n` int NOT NULL CHECK (n > 0), ALGORITHM=COPY;

-- alter column users.n
ALTER TABLE `users` MODIFY COLUMN `n` int NOT NULL;

