-- create sequence billing.invoice_no
CREATE SEQUENCE "billing"."invoice_no" AS integer START WITH 1000;
COMMENT ON SEQUENCE "billing"."invoice_no" IS 'numbers';

