-- set comment of function pick
COMMENT ON FUNCTION "pick"(a text) IS 'the text one';

