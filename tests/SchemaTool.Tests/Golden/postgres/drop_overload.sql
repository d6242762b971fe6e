-- drop function pick_text
DROP FUNCTION "pick"(a text);

