-- A counter can be the workers' own terminal too: kind 'self' gets the self-service screen
-- (gigdesk self) over SSH instead of the desk. SQLite cannot change a CHECK in place, so the
-- table is built again around its rows. audit.counter_id refers to counters by name: with the
-- check of foreign keys put off to the commit, the audit rows wait while the counters are away
-- and find every one of them back (same ids) before it.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE counters_0021 AS SELECT * FROM counters;
DROP TABLE counters;
CREATE TABLE counters (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'desk' CHECK (kind IN ('desk', 'kiosk', 'self')),
    public_key  TEXT NOT NULL,              -- one authorized_keys line: type and base64
    fingerprint TEXT NOT NULL UNIQUE,       -- SHA256:..., as ssh-keygen -l prints it
    lang        TEXT NOT NULL DEFAULT '',   -- '' the server's language, else zh or en
    source      TEXT NOT NULL DEFAULT 'admin' CHECK (source IN ('admin', 'file')),
    added_by    INTEGER REFERENCES staff(id),
    added_at    INTEGER NOT NULL,
    revoked_at  INTEGER,
    revoked_by  INTEGER REFERENCES staff(id),
    last_seen   INTEGER
);
INSERT INTO counters (id, name, kind, public_key, fingerprint, lang, source, added_by, added_at, revoked_at, revoked_by, last_seen)
    SELECT id, name, kind, public_key, fingerprint, lang, source, added_by, added_at, revoked_at, revoked_by, last_seen FROM counters_0021;
DROP TABLE counters_0021;

-- The report counts the sign-ins made at the terminal (report_self.go): few among many.
CREATE INDEX IF NOT EXISTS sign_ins_self ON sign_ins (day) WHERE source = 'self';
