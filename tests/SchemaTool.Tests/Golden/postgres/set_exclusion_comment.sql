-- set comment of exclusion constraint ex_bookings_no_overlap on bookings
COMMENT ON CONSTRAINT "ex_bookings_no_overlap" ON "bookings" IS 'one room, one booking at a time';

