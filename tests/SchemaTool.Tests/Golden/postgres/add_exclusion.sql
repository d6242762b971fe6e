-- add exclusion constraint ex_bookings_no_overlap on bookings
-- no online form: PostgreSQL builds an exclusion constraint's index under an ACCESS EXCLUSIVE lock; writes to the table wait until it is built
ALTER TABLE "bookings" ADD CONSTRAINT "ex_bookings_no_overlap" EXCLUDE USING gist ("room" WITH =, (lower(guest)) gist_text_ops WITH =, "during" WITH &&) WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED;
COMMENT ON CONSTRAINT "ex_bookings_no_overlap" ON "bookings" IS 'one room, one booking at a time';

-- ==== plain forms (online: false) ====

-- add exclusion constraint ex_bookings_no_overlap on bookings
ALTER TABLE "bookings" ADD CONSTRAINT "ex_bookings_no_overlap" EXCLUDE USING gist ("room" WITH =, (lower(guest)) gist_text_ops WITH =, "during" WITH &&) WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED;
COMMENT ON CONSTRAINT "ex_bookings_no_overlap" ON "bookings" IS 'one room, one booking at a time';

