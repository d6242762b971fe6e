-- rename sequence invoice_seq to invoice_no
ALTER SEQUENCE "invoice_seq" RENAME TO "invoice_no";

