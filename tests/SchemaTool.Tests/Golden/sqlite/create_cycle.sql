-- up
-- create table a
CREATE TABLE "a" (
  "id" INTEGER NOT NULL PRIMARY KEY,
  "b_id" INTEGER,
  CONSTRAINT "fk_a_b_id" FOREIGN KEY ("b_id") REFERENCES "b" ("id")
);

-- create table b
CREATE TABLE "b" (
  "id" INTEGER NOT NULL PRIMARY KEY,
  "a_id" INTEGER,
  CONSTRAINT "fk_b_a_id" FOREIGN KEY ("a_id") REFERENCES "a" ("id")
);

-- down
-- drop table b
-- WARNING: drops table b and all its rows
DROP TABLE "b";

-- drop table a
-- WARNING: drops table a and all its rows
DROP TABLE "a";

