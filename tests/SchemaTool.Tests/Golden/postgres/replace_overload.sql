-- replace function pick_text
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE FUNCTION pick(a text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT lower(a) $function$;

