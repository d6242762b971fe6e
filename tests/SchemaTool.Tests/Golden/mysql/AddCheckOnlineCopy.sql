-- add check ck_t_amount on t
-- MariaDB adds a table CHECK only by copying the table while writes wait, so the revision copies t itself while writes go on: a new table _t_new with the CHECK, triggers that carry each write to it, the rows copied in chunks, then a rename that swaps the two
CREATE TABLE `_t_new` LIKE `t`;
ALTER TABLE `_t_new` ADD CONSTRAINT `ck_t_amount` CHECK (amount >= fee);
CREATE TRIGGER `_t_ins` AFTER INSERT ON `t` FOR EACH ROW REPLACE INTO `_t_new` (`id`, `amount`, `fee`, `note`) VALUES (NEW.`id`, NEW.`amount`, NEW.`fee`, NEW.`note`);
CREATE TRIGGER `_t_upd` AFTER UPDATE ON `t` FOR EACH ROW BEGIN
  IF NOT (OLD.`id` <=> NEW.`id`) THEN
    DELETE FROM `_t_new` WHERE `id` = OLD.`id`;
  END IF;
  REPLACE INTO `_t_new` (`id`, `amount`, `fee`, `note`) VALUES (NEW.`id`, NEW.`amount`, NEW.`fee`, NEW.`note`);
END;
CREATE TRIGGER `_t_del` AFTER DELETE ON `t` FOR EACH ROW DELETE FROM `_t_new` WHERE `id` = OLD.`id`;
-- copies the rows of t in chunks of 2000 by primary key: apply runs this block once per chunk, each chunk a short transaction of its own, until it leaves @schematool_chunk_end NULL (by hand: run it until SELECT @schematool_chunk_end gives NULL); a row that breaks ck_t_amount stops it, naming the constraint
BEGIN NOT ATOMIC
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
  SET @schematool_chunk_end = (SELECT MAX(`id`) FROM (SELECT `id` FROM `t` WHERE @schematool_copied IS NULL OR `id` > @schematool_copied ORDER BY `id` LIMIT 2000) AS chunk);
  IF @schematool_chunk_end IS NOT NULL THEN
    START TRANSACTION;
    FOR r IN (SELECT `id`, `amount`, `fee`, `note` FROM `t` WHERE (@schematool_copied IS NULL OR `id` > @schematool_copied) AND `id` <= @schematool_chunk_end LOCK IN SHARE MODE) DO
      REPLACE INTO `_t_new` (`id`, `amount`, `fee`, `note`) VALUES (r.`id`, r.`amount`, r.`fee`, r.`note`);
    END FOR;
    COMMIT;
  END IF;
  SET @schematool_copied = @schematool_chunk_end;
END;
-- swaps the tables at once: the copy, with the CHECK, becomes t; the triggers go with the old table
RENAME TABLE `t` TO `_t_old`, `_t_new` TO `t`;
DROP TABLE `_t_old`;

-- ==== down ====

-- drop check ck_t_amount on t
ALTER TABLE `t` DROP CONSTRAINT `ck_t_amount`, ALGORITHM=INSTANT;

