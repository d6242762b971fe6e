-- create partition events_2026 of events
CREATE TABLE "events_2026" PARTITION OF "events" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY LIST (region);
CREATE TABLE "events_2026_eu" PARTITION OF "events_2026" FOR VALUES IN ('eu');
CREATE TABLE "events_2026_rest" PARTITION OF "events_2026" DEFAULT;

