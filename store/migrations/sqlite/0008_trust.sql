-- Trustworthy records: PIN lock-out kept in the database (a restart does not reset it),
-- an append-only audit log, and erased people kept only as an anonymous id.

ALTER TABLE staff ADD COLUMN pin_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN locked_until INTEGER NOT NULL DEFAULT 0;

-- Nobody edits history: the app never updates or deletes audit rows, and these make sure
-- nothing else that opens the file does either.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;

CREATE INDEX audit_staff ON audit (staff_id, at);
CREATE INDEX audit_action ON audit (action, at);
