-- set comment of table users
ALTER TABLE `users` COMMENT = 'people''s accounts', ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- set comment of table users
ALTER TABLE `users` COMMENT = 'people''s accounts';

