-- PostgreSQL's twin of sqlite/0021_self_counters.sql: a counter can be the workers' own
-- terminal too (kind 'self', the self-service screen over SSH instead of the desk).
ALTER TABLE counters DROP CONSTRAINT IF EXISTS counters_kind_check;
ALTER TABLE counters ADD CONSTRAINT counters_kind_check CHECK (kind IN ('desk', 'kiosk', 'self'));

-- The report counts the sign-ins made at the terminal (report_self.go): few among many.
CREATE INDEX IF NOT EXISTS sign_ins_self ON sign_ins (day) WHERE source = 'self';
