-- up
-- drop view cheerful
DROP VIEW "cheerful";

-- drop check ck_days_status on days
ALTER TABLE "days" DROP CONSTRAINT "ck_days_status";

-- drop index ix_days_note on days
-- runs outside the revision's transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction block
DROP INDEX CONCURRENTLY "ix_days_note";

-- re-create enum type mood with values sad, ok, gone
-- WARNING: removes value 'meh' from enum type mood: the type is re-created and its columns status are cast to it; a row that holds a removed value fails the cast
ALTER TYPE "mood" RENAME TO "mood_old";
CREATE TYPE "mood" AS ENUM ('sad', 'ok', 'gone');
ALTER TABLE "days" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "days" ALTER COLUMN "status" TYPE "mood" USING "status"::text::"mood";
ALTER TABLE "days" ALTER COLUMN "status" SET DEFAULT 'ok';
DROP TYPE "mood_old";

-- create index ix_days_note on days
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE INDEX CONCURRENTLY "ix_days_note" ON "days" ("note") WHERE status <> 'gone';

-- add check ck_days_status on days
ALTER TABLE "days" ADD CONSTRAINT "ck_days_status" CHECK (status <> 'sad'::mood) NOT VALID;
-- runs in a transaction of its own: VALIDATE CONSTRAINT reads the whole table; it must not hold the locks of the statements before it while it does
ALTER TABLE "days" VALIDATE CONSTRAINT "ck_days_status";

-- create view cheerful
CREATE VIEW "cheerful" AS SELECT id,
    status
   FROM days
  WHERE status = 'ok'::mood;

-- down
-- drop view cheerful
DROP VIEW "cheerful";

-- drop check ck_days_status on days
ALTER TABLE "days" DROP CONSTRAINT "ck_days_status";

-- drop index ix_days_note on days
-- runs outside the revision's transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction block
DROP INDEX CONCURRENTLY "ix_days_note";

-- re-create enum type mood with values sad, ok, gone, meh
ALTER TYPE "mood" RENAME TO "mood_old";
CREATE TYPE "mood" AS ENUM ('sad', 'ok', 'gone', 'meh');
ALTER TABLE "days" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "days" ALTER COLUMN "status" TYPE "mood" USING "status"::text::"mood";
ALTER TABLE "days" ALTER COLUMN "status" SET DEFAULT 'ok';
DROP TYPE "mood_old";

-- create index ix_days_note on days
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE INDEX CONCURRENTLY "ix_days_note" ON "days" ("note") WHERE status <> 'gone';

-- add check ck_days_status on days
ALTER TABLE "days" ADD CONSTRAINT "ck_days_status" CHECK (status <> 'sad'::mood) NOT VALID;
-- runs in a transaction of its own: VALIDATE CONSTRAINT reads the whole table; it must not hold the locks of the statements before it while it does
ALTER TABLE "days" VALIDATE CONSTRAINT "ck_days_status";

-- create view cheerful
CREATE VIEW "cheerful" AS SELECT id,
    status
   FROM days
  WHERE status = 'ok'::mood;

