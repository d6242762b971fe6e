-- up
-- drop table docs
-- WARNING: drops table docs and all its rows
DROP TABLE "docs";

-- create table docs
CREATE VIRTUAL TABLE "docs" USING fts5(title, body);

-- rebuild table kv
CREATE TABLE "_schematool_new_kv" (
  "k" text NOT NULL PRIMARY KEY
) WITHOUT ROWID, STRICT;
INSERT INTO "_schematool_new_kv" ("k") SELECT "k" FROM "kv";
DROP TABLE "kv";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_kv" RENAME TO "kv";
PRAGMA legacy_alter_table = OFF;

-- down
-- rebuild table kv
CREATE TABLE "_schematool_new_kv" (
  "k" text NOT NULL PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO "_schematool_new_kv" ("k") SELECT "k" FROM "kv";
DROP TABLE "kv";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_kv" RENAME TO "kv";
PRAGMA legacy_alter_table = OFF;

-- drop table docs
-- WARNING: drops table docs and all its rows
DROP TABLE "docs";

-- create table docs
CREATE VIRTUAL TABLE "docs" USING fts5(title);

