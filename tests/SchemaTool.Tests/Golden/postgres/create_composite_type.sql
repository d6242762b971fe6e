-- create composite type pair
CREATE TYPE "pair" AS ("id" uuid, "name" text COLLATE "C");
COMMENT ON TYPE "pair" IS 'two things';

