-- add value 'great' to enum type mood
ALTER TYPE "mood" ADD VALUE 'great';

