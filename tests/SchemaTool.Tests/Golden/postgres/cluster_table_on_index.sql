-- cluster table orders on ix_orders_placed (was orders_pkey)
ALTER TABLE "orders" CLUSTER ON "ix_orders_placed";

