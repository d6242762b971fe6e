-- stop clustering table orders on ix_orders_placed
ALTER TABLE "orders" SET WITHOUT CLUSTER;

