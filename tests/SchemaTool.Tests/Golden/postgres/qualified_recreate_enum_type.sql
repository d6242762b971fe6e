-- re-create enum type billing.mood with values sad, happy
-- WARNING: removes value 'ok' from enum type billing.mood: the type is re-created and its columns billing.invoices.mood are cast to it; a row that holds a removed value fails the cast
ALTER TYPE "billing"."mood" RENAME TO "mood_old";
CREATE TYPE "billing"."mood" AS ENUM ('sad', 'happy');
ALTER TABLE "billing"."invoices" ALTER COLUMN "mood" DROP DEFAULT;
ALTER TABLE "billing"."invoices" ALTER COLUMN "mood" TYPE "billing"."mood" USING "mood"::text::"billing"."mood";
ALTER TABLE "billing"."invoices" ALTER COLUMN "mood" SET DEFAULT 'happy';
DROP TYPE "billing"."mood_old";
COMMENT ON TYPE "billing"."mood" IS 'how it went';

