-- alter column users.name
ALTER TABLE "users" ALTER COLUMN "name" TYPE character varying(255);

