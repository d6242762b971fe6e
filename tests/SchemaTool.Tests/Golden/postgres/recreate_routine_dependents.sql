-- up
-- drop check ck_items_code on items
ALTER TABLE "items" DROP CONSTRAINT "ck_items_code";

-- drop index ix_items_label on items
-- runs outside the revision's transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction block
DROP INDEX CONCURRENTLY "ix_items_label";

-- drop index ix_items_marked on items
-- runs outside the revision's transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction block
DROP INDEX CONCURRENTLY "ix_items_marked";

-- alter column items.code
ALTER TABLE "items" ALTER COLUMN "code" DROP DEFAULT;

-- drop function label
DROP FUNCTION "label"(n integer);

-- create function label
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION label(k integer)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT 'n' || k $function$;

-- alter column items.code
ALTER TABLE "items" ALTER COLUMN "code" SET DEFAULT label(7);

-- create index ix_items_label on items
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE INDEX CONCURRENTLY "ix_items_label" ON "items" ((label(id)));

-- create index ix_items_marked on items
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE INDEX CONCURRENTLY "ix_items_marked" ON "items" ("note") WHERE label(id) <> 'none';

-- add check ck_items_code on items
ALTER TABLE "items" ADD CONSTRAINT "ck_items_code" CHECK (code <> label(0)) NOT VALID;
-- runs in a transaction of its own: VALIDATE CONSTRAINT reads the whole table; it must not hold the locks of the statements before it while it does
ALTER TABLE "items" VALIDATE CONSTRAINT "ck_items_code";

-- down
-- drop check ck_items_code on items
ALTER TABLE "items" DROP CONSTRAINT "ck_items_code";

-- drop index ix_items_marked on items
-- runs outside the revision's transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction block
DROP INDEX CONCURRENTLY "ix_items_marked";

-- drop index ix_items_label on items
-- runs outside the revision's transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction block
DROP INDEX CONCURRENTLY "ix_items_label";

-- alter column items.code
ALTER TABLE "items" ALTER COLUMN "code" DROP DEFAULT;

-- drop function label
DROP FUNCTION "label"(k integer);

-- create function label
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION label(n integer)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT 'n' || n $function$;

-- alter column items.code
ALTER TABLE "items" ALTER COLUMN "code" SET DEFAULT label(7);

-- create index ix_items_marked on items
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE INDEX CONCURRENTLY "ix_items_marked" ON "items" ("note") WHERE label(id) <> 'none';

-- create index ix_items_label on items
-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block
CREATE INDEX CONCURRENTLY "ix_items_label" ON "items" ((label(id)));

-- add check ck_items_code on items
ALTER TABLE "items" ADD CONSTRAINT "ck_items_code" CHECK (code <> label(0)) NOT VALID;
-- runs in a transaction of its own: VALIDATE CONSTRAINT reads the whole table; it must not hold the locks of the statements before it while it does
ALTER TABLE "items" VALIDATE CONSTRAINT "ck_items_code";

