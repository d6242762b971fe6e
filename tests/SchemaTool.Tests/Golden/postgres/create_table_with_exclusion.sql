-- create table bookings
CREATE TABLE "bookings" (
    "id" bigint NOT NULL,
    "room" integer NOT NULL,
    "guest" text NOT NULL,
    "during" tstzrange NOT NULL,
    "cancelled" boolean NOT NULL,
    PRIMARY KEY ("id"),
    CONSTRAINT "ex_bookings_no_overlap" EXCLUDE USING gist ("room" WITH =, (lower(guest)) gist_text_ops WITH =, "during" WITH &&) WHERE (NOT cancelled) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT "ex_bookings_guest" EXCLUDE ("guest" WITH =)
);
COMMENT ON CONSTRAINT "ex_bookings_no_overlap" ON "bookings" IS 'one room, one booking at a time';

