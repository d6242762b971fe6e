-- create function lower
CREATE OR REPLACE FUNCTION lower(a text[])
 RETURNS text[]
 LANGUAGE plpgsql
AS $function$ BEGIN RETURN a; END $function$;
COMMENT ON FUNCTION "lower"(a text[]) IS 'lower-cases each';

