-- alter column orders.no
ALTER SEQUENCE "order_numbers" RENAME TO "orders_no_seq";
ALTER SEQUENCE "orders_no_seq" INCREMENT BY 1 NO MINVALUE NO MAXVALUE START WITH 100 CACHE 1 NO CYCLE;

