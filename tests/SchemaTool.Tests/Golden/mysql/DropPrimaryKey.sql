-- drop primary key of users
-- copies the table, writes waiting until it ends: InnoDB drops a primary key, without adding another, only by copying the table
ALTER TABLE `users` DROP PRIMARY KEY, ALGORITHM=COPY, LOCK=SHARED;

-- ==== plain forms (online: false) ====

-- drop primary key of users
-- copies the table, writes waiting until it ends: InnoDB drops a primary key, without adding another, only by copying the table
ALTER TABLE `users` DROP PRIMARY KEY;

