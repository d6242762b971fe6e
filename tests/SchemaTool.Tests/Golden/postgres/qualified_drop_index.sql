-- drop index ix_users_email on auth.users
-- runs outside the revision's transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction block
DROP INDEX CONCURRENTLY "auth"."ix_users_email";

-- ==== plain forms (online: false) ====

-- drop index ix_users_email on auth.users
DROP INDEX "auth"."ix_users_email";

