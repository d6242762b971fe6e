-- alter column users.name
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'it''s';

