-- set comment of sequence invoice_no
COMMENT ON SEQUENCE "invoice_no" IS 'one per invoice';

