-- drop exclusion constraint ex_bookings_no_overlap on bookings
ALTER TABLE "bookings" DROP CONSTRAINT "ex_bookings_no_overlap";

