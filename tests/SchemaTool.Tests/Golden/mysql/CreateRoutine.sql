-- create function touched
CREATE FUNCTION `touched`(`at` datetime) RETURNS datetime
    DETERMINISTIC
RETURN coalesce(`at`, now());

