-- create sequence plain_ids
CREATE SEQUENCE "plain_ids";

