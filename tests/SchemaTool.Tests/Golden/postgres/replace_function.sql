-- replace function touch
CREATE OR REPLACE FUNCTION touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.created_at := clock_timestamp(); RETURN NEW; END $function$;

