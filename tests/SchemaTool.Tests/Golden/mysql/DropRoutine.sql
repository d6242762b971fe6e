-- drop function touched
DROP FUNCTION `touched`;

