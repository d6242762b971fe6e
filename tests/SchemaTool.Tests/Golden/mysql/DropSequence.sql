-- drop sequence invoice_no
-- WARNING: drops sequence invoice_no: its current value is lost
DROP SEQUENCE `invoice_no`;

