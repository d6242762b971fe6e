-- alter column users.name
ALTER TABLE "users" ALTER COLUMN "name" SET STATISTICS 1000;

