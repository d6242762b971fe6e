-- drop event purge_sessions
DROP EVENT `purge_sessions`;

