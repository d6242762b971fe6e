-- change table hits: unlogged false -> true, with fillfactor=70, autovacuum_enabled=false -> fillfactor=90
ALTER TABLE "hits" SET UNLOGGED, RESET (autovacuum_enabled), SET (fillfactor = 90);

