-- create function touch
CREATE OR REPLACE FUNCTION touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.created_at := now(); RETURN NEW; END $function$;
COMMENT ON FUNCTION "touch"() IS 'stamps rows';

