-- rename value 'ok' of enum type mood to 'fine'
ALTER TYPE "mood" RENAME VALUE 'ok' TO 'fine';

