-- create event purge_sessions
CREATE EVENT `purge_sessions` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE ENABLE DO DELETE FROM sessions WHERE expires < now();

