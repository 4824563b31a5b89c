-- The erase ledger: which records were erased, by whom and when, and a salted hash of the
-- ID number, never the person's data. Backups and restores re-apply it, so an erased
-- person never comes back from an older copy.
CREATE TABLE erasures (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    staff_id  INTEGER,                -- no reference: an entry may come from another copy's ledger
    kind      TEXT NOT NULL CHECK (kind IN ('worker', 'employer')),
    record_id INTEGER NOT NULL,
    salt      TEXT NOT NULL,
    id_hash   TEXT NOT NULL DEFAULT '', -- sha256(salt || ID number), '' when there was none
    UNIQUE (kind, record_id)
);
