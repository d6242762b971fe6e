-- drop index fk_users_role on users, create index ix_users_role_name on users, create unique index uq_users_role_id on users
ALTER TABLE `users` DROP INDEX `fk_users_role`, ADD INDEX `ix_users_role_name` (`role_id`, `name`), ADD UNIQUE INDEX `uq_users_role_id` (`role_id`, `id`), ALGORITHM=INPLACE, LOCK=NONE;

-- down
-- drop index uq_users_role_id on users, drop index ix_users_role_name on users, create index fk_users_role on users
ALTER TABLE `users` DROP INDEX `uq_users_role_id`, DROP INDEX `ix_users_role_name`, ADD INDEX `fk_users_role` (`role_id`), ALGORITHM=INPLACE, LOCK=NONE;

