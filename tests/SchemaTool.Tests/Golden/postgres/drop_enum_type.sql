-- drop enum type mood
DROP TYPE "mood";

