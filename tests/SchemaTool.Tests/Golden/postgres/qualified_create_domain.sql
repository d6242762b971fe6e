-- create domain billing.email
CREATE DOMAIN "billing"."email" AS text CONSTRAINT "email_check" CHECK (VALUE ~ '@');
COMMENT ON DOMAIN "billing"."email" IS 'addresses';

