-- rename table users to members
RENAME TABLE `users` TO `members`;

