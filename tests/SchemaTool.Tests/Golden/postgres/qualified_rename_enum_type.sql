-- rename enum type billing.feeling to billing.mood
ALTER TYPE "billing"."feeling" RENAME TO "mood";

