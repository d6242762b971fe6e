-- create table we"ird
CREATE TABLE "we""ird" (
    "Mixed Case" text NOT NULL
);

