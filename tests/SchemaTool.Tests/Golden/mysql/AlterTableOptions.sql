-- change table users: engine (none) -> Aria, charset latin1 -> utf8mb4, collation latin1_swedish_ci -> utf8mb4_bin
ALTER TABLE `users` ENGINE=Aria, DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

