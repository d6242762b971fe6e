-- alter column users.status
-- WARNING: changes the type of users.status from old_status to new_status: values may be truncated or fail to convert
ALTER TABLE "users" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "status" TYPE new_status USING "status"::text::new_status;
ALTER TABLE "users" ALTER COLUMN "status" SET DEFAULT 'a';

