-- alter column MySchema.Teams.no
-- WARNING: changes the type of MySchema.Teams.no from integer to serial: values may be truncated or fail to convert
CREATE SEQUENCE "MySchema"."Teams_no_seq" AS integer;
ALTER SEQUENCE "MySchema"."Teams_no_seq" OWNED BY "MySchema"."Teams"."no";
ALTER TABLE "MySchema"."Teams" ALTER COLUMN "no" SET DEFAULT nextval('"MySchema"."Teams_no_seq"'::regclass);
SELECT setval(pg_get_serial_sequence('"MySchema"."Teams"', 'no'), COALESCE(max("no"), 0) + 1, false) FROM "MySchema"."Teams";

