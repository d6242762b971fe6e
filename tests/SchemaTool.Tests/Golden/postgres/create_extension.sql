-- create extension pg_trgm
CREATE EXTENSION "pg_trgm";

