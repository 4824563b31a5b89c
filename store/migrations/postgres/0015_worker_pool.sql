-- Each worker as ranking reads them: place, expectations, priority, trades and their record of
-- dispatches, one narrow row per worker. The store rewrites a worker's row in the transaction
-- of every write to the worker or one of their dispatches (store/worker_pool.go), so loading
-- the pool for the Match screen reads one row per worker instead of the workers' wide rows,
-- their trades and every dispatch the station ever made. Open fills it (and gigdesk check
-- compares it with the records and rebuilds it).
CREATE TABLE worker_pool (
    worker_id BIGINT PRIMARY KEY REFERENCES workers (id),
    status TEXT NOT NULL,              -- workers.status
    erased BIGINT NOT NULL DEFAULT 0, -- workers.erased
    -- One text, so a hundred thousand rows read fast, of eleven fields each followed by a space
    -- but the last: community_id (0: none), expected_pay_fen, expected_pay_unit, priority (1: in
    -- a priority group); the record of dispatches: done or no-show (the outcome is known), done,
    -- no-show, the sum and the count of the employers' ratings (dispatches not cancelled), the
    -- created_at of the latest dispatch not cancelled (0: none); and the trades, "trade:years"
    -- by trade, comma-separated.
    facts TEXT NOT NULL
);

-- How many workers are in the pool, counted from the index alone.
CREATE INDEX worker_pool_status ON worker_pool (status, erased);

-- The bookings that overlap a job's time: those ending after it starts. Read by the end, a
-- window reads only the bookings still to come, not the month before it that starts_at would.
CREATE INDEX dispatches_end_cover ON dispatches (ends_at, starts_at, status, worker_id);
