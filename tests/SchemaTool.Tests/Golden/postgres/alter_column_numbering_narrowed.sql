-- alter column voltages.volt
SELECT setval('"voltages_volt_seq"', least(greatest(last_value, -100), 100), is_called AND last_value BETWEEN -100 AND 100) FROM "voltages_volt_seq";
ALTER SEQUENCE "voltages_volt_seq" INCREMENT BY 5 MINVALUE -100 MAXVALUE 100 START WITH -100 CACHE 1 NO CYCLE;

