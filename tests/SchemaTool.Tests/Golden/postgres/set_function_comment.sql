-- set comment of function touch
COMMENT ON FUNCTION "touch" IS 'stamps rows';

