-- drop function lower
DROP FUNCTION "lower"(a text[], "b c" integer, VARIADIC d text[]);

