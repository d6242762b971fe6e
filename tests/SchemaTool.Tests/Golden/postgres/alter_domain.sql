-- alter domain email
ALTER DOMAIN "email" DROP DEFAULT;
ALTER DOMAIN "email" DROP NOT NULL;
ALTER DOMAIN "email" DROP CONSTRAINT "email_check";
ALTER DOMAIN "email" ADD CONSTRAINT "email_lower" CHECK (VALUE = lower(VALUE));

