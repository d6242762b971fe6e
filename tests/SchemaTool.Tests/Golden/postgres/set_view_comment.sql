-- set comment of view active_users
COMMENT ON VIEW "active_users" IS 'who signs in';

