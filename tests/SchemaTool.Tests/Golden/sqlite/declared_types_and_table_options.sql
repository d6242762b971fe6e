-- up
-- create table docs
CREATE VIRTUAL TABLE "docs" USING fts5(title, body, tokenize='porter');

-- create table kv
CREATE TABLE "kv" (
  "k" text NOT NULL PRIMARY KEY,
  "v" int
) WITHOUT ROWID, STRICT;

-- create table legacy
CREATE TABLE "legacy" (
  "id" INT PRIMARY KEY,
  "flag" bool NOT NULL,
  "n" INTEGER NOT NULL,
  "name" varchar( 64 ) NOT NULL
);

-- down
-- drop table legacy
-- WARNING: drops table legacy and all its rows
DROP TABLE "legacy";

-- drop table kv
-- WARNING: drops table kv and all its rows
DROP TABLE "kv";

-- drop table docs
-- WARNING: drops table docs and all its rows
DROP TABLE "docs";

