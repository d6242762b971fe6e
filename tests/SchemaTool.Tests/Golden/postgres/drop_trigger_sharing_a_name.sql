-- drop trigger last_updated on teams
DROP TRIGGER "last_updated" ON "teams";

