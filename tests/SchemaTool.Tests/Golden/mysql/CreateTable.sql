-- create table users
CREATE TABLE `users` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NULL COMMENT 'where we write, it''s \\ here',
  `active` tinyint(1) NOT NULL DEFAULT 1,
  `created_at` datetime NOT NULL DEFAULT current_timestamp(),
  `role_id` int NULL,
  `doubled` bigint AS (id * 2) STORED,
  PRIMARY KEY (`id`),
  INDEX `ix_users_created` (`created_at` DESC, `id`),
  UNIQUE INDEX `uq_users_email` (`email`(32)),
  FULLTEXT INDEX `ft_users_email` (`email`),
  CONSTRAINT `fk_users_role` FOREIGN KEY (`role_id`) REFERENCES `roles` (`id`) ON DELETE SET NULL,
  CONSTRAINT `ck_users_email` CHECK (email <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='people who sign in';

