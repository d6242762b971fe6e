-- drop partition events_2025 of events
-- WARNING: drops partition events_2025 of events and its rows
DROP TABLE "events_2025";

