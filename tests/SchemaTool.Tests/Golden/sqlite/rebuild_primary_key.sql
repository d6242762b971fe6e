-- up
-- rebuild table tags
CREATE TABLE "_schematool_new_tags" (
  "name" text NOT NULL,
  "kind" text NOT NULL,
  PRIMARY KEY ("kind", "name")
);
INSERT INTO "_schematool_new_tags" ("name", "kind") SELECT "name", "kind" FROM "tags";
DROP TABLE "tags";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_tags" RENAME TO "tags";
PRAGMA legacy_alter_table = OFF;

-- down
-- rebuild table tags
CREATE TABLE "_schematool_new_tags" (
  "name" text NOT NULL,
  "kind" text NOT NULL
);
INSERT INTO "_schematool_new_tags" ("name", "kind") SELECT "name", "kind" FROM "tags";
DROP TABLE "tags";
PRAGMA legacy_alter_table = ON;
ALTER TABLE "_schematool_new_tags" RENAME TO "tags";
PRAGMA legacy_alter_table = OFF;

