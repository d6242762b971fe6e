-- alter sequence ticket_no
ALTER SEQUENCE "ticket_no" MINVALUE 1 MAXVALUE 6000;
SELECT setval('"ticket_no"', least(greatest(last_value, 5000), 6000), is_called AND last_value BETWEEN 5000 AND 6000) FROM "ticket_no";
ALTER SEQUENCE "ticket_no" MINVALUE 5000 MAXVALUE 6000 START WITH 5000;

