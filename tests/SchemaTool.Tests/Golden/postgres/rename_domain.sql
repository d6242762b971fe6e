-- rename domain mail to email
ALTER DOMAIN "mail" RENAME TO "email";

