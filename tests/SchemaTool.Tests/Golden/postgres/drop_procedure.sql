-- drop procedure archive
DROP PROCEDURE "archive"(IN before date);

