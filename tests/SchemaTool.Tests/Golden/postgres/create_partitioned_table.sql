-- create table events
CREATE TABLE "events" (
    "id" bigint NOT NULL,
    "created_at" date NOT NULL,
    "region" text NOT NULL,
    PRIMARY KEY ("id", "created_at", "region")
) PARTITION BY RANGE (created_at);
CREATE TABLE "events_2025" PARTITION OF "events" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE "events_2026" PARTITION OF "events" FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY LIST (region);
CREATE TABLE "events_2026_eu" PARTITION OF "events_2026" FOR VALUES IN ('eu');
CREATE TABLE "events_2026_rest" PARTITION OF "events_2026" DEFAULT;

