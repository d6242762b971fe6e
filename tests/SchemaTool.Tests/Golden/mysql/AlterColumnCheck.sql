-- alter column users.n
-- adds the CHECK of n without reading the existing rows, so that writes go on; the next statement checks them
ALTER TABLE `users` MODIFY COLUMN `n` int NOT NULL CHECK (n > 0), ALGORITHM=INSTANT;
-- checks that every row of users keeps the CHECK of n; fails, naming it, if one does not
BEGIN NOT ATOMIC
  DECLARE broken INT;
  SELECT EXISTS (SELECT 1 FROM `users` WHERE NOT (n > 0)) INTO broken;
  IF broken THEN
    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'check of users.n: rows of users break it';
  END IF;
END;

-- alter column users.n
ALTER TABLE `users` MODIFY COLUMN `n` int NOT NULL, ALGORITHM=INSTANT;

-- ==== plain forms (online: false) ====

-- alter column users.n
-- copies the table, writes waiting until it ends: the CHECK of n is checked against the existing rows only when the table is copied (in place, MariaDB would not read them)
ALTER TABLE `users` MODIFY COLUMN `n` int NOT NULL CHECK (n > 0), ALGORITHM=COPY;

-- alter column users.n
ALTER TABLE `users` MODIFY COLUMN `n` int NOT NULL;

