-- Indexes for the day's figures (store/report.go): each figure reads one day's range of one
-- timestamp, and these let it do so without visiting the rest of a year of dispatches.
-- Completed work: status = 'done' by done_at (with what the query then reads).
CREATE INDEX dispatches_done ON dispatches (status, done_at, job_id, paid_at);
-- Wages paid by paid_at.
CREATE INDEX dispatches_paid ON dispatches (paid_at, job_id, paid_fen);
-- Dispatches made by created_at, covering the columns the dispatched figure reads.
CREATE INDEX dispatches_created_cover ON dispatches (created_at, status, job_id, worker_id);
-- No-shows and disputes by the day the work was due, without reading the rows.
CREATE INDEX dispatches_start_cover ON dispatches (starts_at, status, disputed);
