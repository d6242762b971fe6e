-- create procedure archive
SET LOCAL check_function_bodies = off;
CREATE OR REPLACE PROCEDURE archive(IN before date)
 LANGUAGE sql
AS $procedure$ DELETE FROM users WHERE created_at < before $procedure$;

