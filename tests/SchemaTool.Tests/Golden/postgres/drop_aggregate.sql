-- drop aggregate group_concat
DROP AGGREGATE "group_concat"(text);

