-- drop index ix_users_fancy on users
-- runs outside the revision's transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction block
DROP INDEX CONCURRENTLY "ix_users_fancy";

-- ==== plain forms (online: false) ====

-- drop index ix_users_fancy on users
DROP INDEX "ix_users_fancy";

