-- The worker's own terminal (gigdesk self). A worker's self-service PIN, set by staff at the
-- counter (bcrypt, as staff PINs); five wrong tries lock it until staff set a new one. A row
-- with unconfirmed = 1 is a record the worker pre-registered at the terminal: the worker is
-- kept paused, never ranked or dispatched, until the counter confirms it.
CREATE TABLE worker_self (
    worker_id    INTEGER PRIMARY KEY REFERENCES workers(id),
    pin_hash     TEXT NOT NULL DEFAULT '',
    pin_failures INTEGER NOT NULL DEFAULT 0,
    locked       INTEGER NOT NULL DEFAULT 0,
    unconfirmed  INTEGER NOT NULL DEFAULT 0,
    updated_at   INTEGER NOT NULL
);

-- "我想去": a worker asking for a job at the terminal. A request lives while it is not
-- withdrawn and its job is open and not over; it ends with the job (nothing to expire by hand).
-- Asking again after withdrawing reuses the row.
CREATE TABLE job_requests (
    id           INTEGER PRIMARY KEY,
    job_id       INTEGER NOT NULL REFERENCES jobs(id),
    worker_id    INTEGER NOT NULL REFERENCES workers(id),
    asked_at     INTEGER NOT NULL,
    withdrawn_at INTEGER,
    UNIQUE (job_id, worker_id)
);
CREATE INDEX job_requests_worker ON job_requests (worker_id, asked_at);
CREATE INDEX job_requests_asked ON job_requests (asked_at);

-- Where a day's sign-in was made: 'counter' (staff) or 'self' (the worker at the terminal).
ALTER TABLE sign_ins ADD COLUMN source TEXT NOT NULL DEFAULT 'counter';
