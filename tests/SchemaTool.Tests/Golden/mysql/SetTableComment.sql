-- set comment of table users
ALTER TABLE `users` COMMENT = 'people''s accounts';

