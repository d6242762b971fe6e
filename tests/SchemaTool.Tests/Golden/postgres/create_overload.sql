-- create function pick_text
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION pick(a text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT upper(a) $function$;
COMMENT ON FUNCTION "pick"(a text) IS 'the text one';

