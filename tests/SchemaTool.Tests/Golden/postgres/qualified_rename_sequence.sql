-- rename sequence billing.invoice_no to billing.invoice_number
ALTER SEQUENCE "billing"."invoice_no" RENAME TO "invoice_number";

