-- create sequence invoice_no
CREATE SEQUENCE `invoice_no` START WITH 1000 INCREMENT BY 1;

