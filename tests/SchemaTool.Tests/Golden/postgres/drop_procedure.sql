-- drop procedure archive
DROP PROCEDURE "archive";

