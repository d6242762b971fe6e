-- drop extension pg_trgm
DROP EXTENSION "pg_trgm";

