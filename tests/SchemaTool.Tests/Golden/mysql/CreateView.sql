-- create view active_users
CREATE VIEW `active_users` AS SELECT id, email FROM users WHERE email IS NOT NULL;

