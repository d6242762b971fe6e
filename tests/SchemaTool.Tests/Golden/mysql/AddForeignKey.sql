-- add foreign key fk_users_role on users
-- adds the foreign key without reading the existing rows, so that writes go on; the next statement checks them
SET STATEMENT foreign_key_checks = 0 FOR ALTER TABLE `users` ADD CONSTRAINT `fk_users_role` FOREIGN KEY (`role_id`) REFERENCES `roles` (`id`) ON DELETE SET NULL, ALGORITHM=INPLACE, LOCK=NONE;
-- checks that every row of users has its roles row; fails, naming the key, if one does not
BEGIN NOT ATOMIC
  DECLARE missing INT;
  SELECT EXISTS (SELECT 1 FROM `users` c WHERE c.`role_id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `roles` p WHERE p.`id` = c.`role_id`)) INTO missing;
  IF missing THEN
    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'foreign key fk_users_role: rows of users reference no row of roles';
  END IF;
END;

-- ==== plain forms (online: false) ====

-- add foreign key fk_users_role on users
-- copies the table, writes waiting until it ends: a foreign key that checks the existing rows as it is added is added only by copying the table
ALTER TABLE `users` ADD CONSTRAINT `fk_users_role` FOREIGN KEY (`role_id`) REFERENCES `roles` (`id`) ON DELETE SET NULL;

