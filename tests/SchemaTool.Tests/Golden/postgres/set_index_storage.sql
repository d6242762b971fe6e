-- change storage parameters of index ix_users_fancy on users: fillfactor=70 -> deduplicate_items=false, fillfactor=80
ALTER INDEX "ix_users_fancy" SET (deduplicate_items = false, fillfactor = 80);

