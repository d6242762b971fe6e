-- create trigger users_touch on users
CREATE TRIGGER `users_touch` AFTER UPDATE ON `users` FOR EACH ROW
BEGIN
  UPDATE users SET email = lower(email) WHERE id = NEW.id;
END;

