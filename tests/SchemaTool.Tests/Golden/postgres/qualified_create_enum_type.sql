-- create enum type billing.mood
CREATE TYPE "billing"."mood" AS ENUM ('sad', 'ok', 'happy');
COMMENT ON TYPE "billing"."mood" IS 'how it went';

