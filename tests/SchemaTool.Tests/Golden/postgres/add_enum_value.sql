-- add value 'meh' to enum type mood
ALTER TYPE "mood" ADD VALUE 'meh' BEFORE 'ok';

