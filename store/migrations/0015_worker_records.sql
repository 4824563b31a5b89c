-- Each worker's record of dispatches as ranking reads it. The store rewrites a worker's row in
-- the transaction of every write that changes one of their dispatches (store/worker_record.go),
-- so loading the pool for the Match screen reads one row per worker instead of every dispatch
-- the station ever made. `gigdesk check` compares it with the dispatches and rebuilds it.
-- A worker never dispatched has no row (their figures are all 0).
CREATE TABLE worker_records (
    worker_id INTEGER PRIMARY KEY REFERENCES workers (id),
    dispatches INTEGER NOT NULL DEFAULT 0,      -- done or no-show: the outcome is known
    completed INTEGER NOT NULL DEFAULT 0,       -- done
    no_shows INTEGER NOT NULL DEFAULT 0,
    rating_sum INTEGER NOT NULL DEFAULT 0,      -- the employers' ratings of the worker, dispatches not cancelled
    rating_count INTEGER NOT NULL DEFAULT 0,
    last_dispatch_at INTEGER NOT NULL DEFAULT 0 -- created_at of the latest dispatch not cancelled; 0 = none
);

INSERT INTO worker_records (worker_id, dispatches, completed, no_shows, rating_sum, rating_count, last_dispatch_at)
SELECT worker_id,
    sum(CASE WHEN status IN ('done', 'no_show') THEN 1 ELSE 0 END),
    sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END),
    sum(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END),
    sum(CASE WHEN status <> 'cancelled' AND worker_rating > 0 THEN worker_rating ELSE 0 END),
    sum(CASE WHEN status <> 'cancelled' AND worker_rating > 0 THEN 1 ELSE 0 END),
    coalesce(max(CASE WHEN status <> 'cancelled' THEN created_at END), 0)
FROM dispatches GROUP BY worker_id;

-- The bookings that overlap a job's time: those ending after it starts. Read by the end, a
-- window reads only the bookings still to come, not the month before it that starts_at would.
CREATE INDEX dispatches_end_cover ON dispatches (ends_at, starts_at, status, worker_id);
