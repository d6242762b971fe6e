-- up
-- create table teams
CREATE TABLE "teams" (
  "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
);

-- create table memberships
CREATE TABLE "memberships" (
  "user_id" bigint NOT NULL,
  "team_id" INTEGER NOT NULL,
  "role" varchar(16) NOT NULL DEFAULT 'it''s' COLLATE nocase,
  "score" decimal(10,2) NOT NULL DEFAULT 1.5,
  "active" boolean NOT NULL DEFAULT 1,
  "created_at" timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "due" date DEFAULT (date('now', '+7 days')),
  "payload" json,
  "upper_role" text NOT NULL GENERATED ALWAYS AS (upper(role)) VIRTUAL,
  "doubled" real NOT NULL GENERATED ALWAYS AS (score * 2) STORED,
  PRIMARY KEY ("user_id", "team_id"),
  CONSTRAINT "uq_memberships_role" UNIQUE ("team_id", "role"),
  CONSTRAINT "ck_memberships_score" CHECK (score >= 0),
  CONSTRAINT "fk_memberships_team_id" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE CASCADE ON UPDATE RESTRICT
);
CREATE INDEX "ix_memberships_lower" ON "memberships" ((lower(role)));
CREATE INDEX "ix_memberships_recent" ON "memberships" ("created_at" DESC) WHERE active = 1;
CREATE INDEX "ix_memberships_role_nocase" ON "memberships" ("role");

-- down
-- drop table memberships
-- WARNING: drops table memberships and all its rows
DROP TABLE "memberships";

-- drop table teams
-- WARNING: drops table teams and all its rows
DROP TABLE "teams";

