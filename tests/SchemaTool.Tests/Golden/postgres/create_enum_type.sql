-- create enum type mood
CREATE TYPE "mood" AS ENUM ('sad', 'it''s ok', 'happy');
COMMENT ON TYPE "mood" IS 'how it went';

