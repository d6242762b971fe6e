-- rename sequence invoice_seq to invoice_no
RENAME TABLE `invoice_seq` TO `invoice_no`;

