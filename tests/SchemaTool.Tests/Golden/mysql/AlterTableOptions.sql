-- change table users: engine (none) -> Aria, charset latin1 -> utf8mb4, collation latin1_swedish_ci -> utf8mb4_bin
-- copies the table, writes waiting until it ends: moving users to the Aria engine copies the table
ALTER TABLE `users` ENGINE=Aria, DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin, ALGORITHM=COPY, LOCK=SHARED;

-- ==== plain forms (online: false) ====

-- change table users: engine (none) -> Aria, charset latin1 -> utf8mb4, collation latin1_swedish_ci -> utf8mb4_bin
-- copies the table, writes waiting until it ends: moving users to the Aria engine copies the table
ALTER TABLE `users` ENGINE=Aria, DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

