-- The station's counters: the PCs that reach the desk over SSH (gigdesk serve), one public key
-- each. The head adds and revokes them in Admin; a key in serve's --authorized-keys file gets a
-- row on its first connection (source 'file') so it too is listed, seen and revocable.
-- A revoked row is kept: history names it, and a revoked key never comes back from the file.
CREATE TABLE counters (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'desk' CHECK (kind IN ('desk', 'kiosk')),
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

-- Which counter made each audited change: NULL on the station PC itself and for the CLI.
ALTER TABLE audit ADD COLUMN counter_id INTEGER REFERENCES counters(id);
