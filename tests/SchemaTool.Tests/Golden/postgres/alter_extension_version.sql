-- update extension pg_trgm to version 1.6
ALTER EXTENSION "pg_trgm" UPDATE TO '1.6';

