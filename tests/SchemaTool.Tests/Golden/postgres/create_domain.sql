-- create domain email
CREATE DOMAIN "email" AS text COLLATE "C" DEFAULT 'nobody@example.com' NOT NULL CONSTRAINT "email_check" CHECK (VALUE ~ '@');
COMMENT ON DOMAIN "email" IS 'addresses';

