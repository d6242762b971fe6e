-- drop composite type pair
DROP TYPE "pair";

