-- drop function touch
DROP FUNCTION "touch"();

