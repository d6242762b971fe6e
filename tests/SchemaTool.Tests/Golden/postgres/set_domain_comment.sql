-- set comment of domain email
COMMENT ON DOMAIN "email" IS NULL;

