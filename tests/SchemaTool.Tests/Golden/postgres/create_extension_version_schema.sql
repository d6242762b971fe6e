-- create extension citext
CREATE EXTENSION "citext" SCHEMA "extensions" VERSION '1.6';

