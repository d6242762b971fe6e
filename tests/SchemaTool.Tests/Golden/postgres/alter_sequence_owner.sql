-- set owner of sequence invoice_no to invoices.no
ALTER SEQUENCE "invoice_no" OWNED BY "invoices"."no";

