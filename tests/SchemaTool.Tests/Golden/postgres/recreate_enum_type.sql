-- re-create enum type mood with values sad, ok
-- WARNING: removes value 'meh' from enum type mood: the type is re-created and its columns users.mood, users.moods are cast to it; a row that holds a removed value fails the cast
ALTER TYPE "mood" RENAME TO "mood_old";
CREATE TYPE "mood" AS ENUM ('sad', 'ok');
ALTER TABLE "users" ALTER COLUMN "mood" DROP DEFAULT;
ALTER TABLE "users" ALTER COLUMN "mood" TYPE "mood" USING "mood"::text::"mood";
ALTER TABLE "users" ALTER COLUMN "mood" SET DEFAULT 'ok';
ALTER TABLE "users" ALTER COLUMN "moods" TYPE "mood"[] USING "moods"::text[]::"mood"[];
DROP TYPE "mood_old";

