-- create aggregate group_concat
CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text, INITCOND = '');
COMMENT ON AGGREGATE "group_concat"(text) IS 'joins with commas';

