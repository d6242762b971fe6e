-- set comment of enum type mood
COMMENT ON TYPE "mood" IS 'how it went';

