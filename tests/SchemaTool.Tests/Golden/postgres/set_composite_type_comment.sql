-- set comment of composite type pair
COMMENT ON TYPE "pair" IS NULL;

