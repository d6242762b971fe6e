-- create table orders
CREATE SEQUENCE "order_numbers" AS integer START WITH 100 CYCLE;
CREATE TABLE "orders" (
    "id" bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 5) NOT NULL,
    "no" integer NOT NULL DEFAULT nextval('"order_numbers"'::regclass),
    "code" text,
    "qty" bigint NOT NULL DEFAULT '2'::bigint,
    PRIMARY KEY ("id") DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT "uq_orders_code" UNIQUE NULLS NOT DISTINCT ("code") INCLUDE ("qty") DEFERRABLE INITIALLY IMMEDIATE,
    CONSTRAINT "ck_orders_qty" CHECK (qty > '0'::bigint) NO INHERIT
);
ALTER SEQUENCE "order_numbers" OWNED BY "orders"."no";
CREATE INDEX "ix_orders_code" ON "orders" ("code" DESC NULLS LAST, "qty" NULLS FIRST) INCLUDE ("no");
CREATE UNIQUE INDEX "uq_orders_qty" ON "orders" ("qty") NULLS NOT DISTINCT;

