-- set owner of sequence invoice_no to none
ALTER SEQUENCE "invoice_no" OWNED BY NONE;

