-- change storage parameters of index ix_users_fancy on users: fillfactor=70 -> (none)
ALTER INDEX "ix_users_fancy" RESET (fillfactor);

