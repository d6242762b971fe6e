-- alter composite type pair
-- WARNING: drops attribute name of composite type pair: the values columns of the type hold in it are lost
ALTER TYPE "pair" DROP ATTRIBUTE "name", ALTER ATTRIBUTE "id" TYPE bigint, ADD ATTRIBUTE "rank" integer;

