-- create table auth.users
CREATE TABLE "auth"."users" (
    "id" serial NOT NULL,
    "email" text NOT NULL,
    "team_id" integer,
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_users_team" FOREIGN KEY ("team_id") REFERENCES "MySchema"."Teams" ("id"),
    CONSTRAINT "ck_users_email" CHECK (email <> '')
);
CREATE INDEX "ix_users_email" ON "auth"."users" ("email");
COMMENT ON TABLE "auth"."users" IS 'who signs in';
COMMENT ON INDEX "auth"."ix_users_email" IS 'sign-in lookups';

