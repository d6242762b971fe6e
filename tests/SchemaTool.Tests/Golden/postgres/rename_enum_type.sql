-- rename enum type feeling to mood
ALTER TYPE "feeling" RENAME TO "mood";

