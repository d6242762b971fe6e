-- drop primary key of users
ALTER TABLE `users` DROP PRIMARY KEY;

