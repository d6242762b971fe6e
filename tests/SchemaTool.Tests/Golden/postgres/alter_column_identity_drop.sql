-- alter column users.id
ALTER TABLE "users" ALTER COLUMN "id" DROP IDENTITY;

