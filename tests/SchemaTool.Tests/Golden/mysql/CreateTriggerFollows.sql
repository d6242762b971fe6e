-- create trigger users_touch_2 on users
CREATE TRIGGER `users_touch_2` AFTER UPDATE ON `users` FOR EACH ROW FOLLOWS `users_touch`
BEGIN
  UPDATE users SET email = trim(email) WHERE id = NEW.id;
END;

-- drop trigger users_touch_2 on users
DROP TRIGGER `users_touch_2`;

