-- alter sequence ticket_no
SELECT setval('"ticket_no"', least(greatest(last_value, 500), 600), is_called AND last_value BETWEEN 500 AND 600) FROM "ticket_no";
ALTER SEQUENCE "ticket_no" MINVALUE 500 MAXVALUE 600 START WITH 500;

