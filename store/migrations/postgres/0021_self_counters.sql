-- PostgreSQL's twin of sqlite/0021_self_counters.sql: a counter can be the workers' own
-- terminal too (kind 'self', the self-service screen over SSH instead of the desk).
ALTER TABLE counters DROP CONSTRAINT IF EXISTS counters_kind_check;
ALTER TABLE counters ADD CONSTRAINT counters_kind_check CHECK (kind IN ('desk', 'kiosk', 'self'));
