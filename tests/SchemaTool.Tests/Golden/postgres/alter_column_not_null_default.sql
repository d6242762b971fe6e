-- alter column users.name
ALTER TABLE "users" ADD CONSTRAINT "users_name_not_null_schematool" CHECK ("name" IS NOT NULL) NOT VALID;
-- runs in a transaction of its own: VALIDATE CONSTRAINT reads the whole table; it must not hold the locks of the statements before it while it does
ALTER TABLE "users" VALIDATE CONSTRAINT "users_name_not_null_schematool";
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "users_name_not_null_schematool";
ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'it''s';

-- ==== plain forms (online: false) ====

-- alter column users.name
ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'it''s';

