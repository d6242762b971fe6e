-- add value 'great' to enum type billing.mood
ALTER TYPE "billing"."mood" ADD VALUE 'great';

