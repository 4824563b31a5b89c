-- Two indexes of dispatches lead with the same column as a covering index that serves every
-- query they served (dispatches_created_cover leads with created_at, dispatches_start_cover
-- with starts_at). Each was one more B-tree to update on every dispatch and one more sort of a
-- district's million dispatches when the demo load builds its indexes again.
DROP INDEX IF EXISTS dispatches_created;
DROP INDEX IF EXISTS dispatches_start;

-- The summary compares a period with the 7 before it and draws 30 days of dispatches. Counting
-- an index range is cheap; reading a column of each entry and testing it is what cost a district
-- summary 100 ms. So each count the summary makes is a plain count of one range: the
-- dispatches made (created_at) less the cancelled ones among them, and the rarer figures from
-- small partial indexes that hold just their rows.
-- Each also holds the columns its condition reads, so a count never reads the table.
CREATE INDEX dispatches_cancelled ON dispatches (created_at, status) WHERE status = 'cancelled';
CREATE INDEX dispatches_priority ON dispatches (created_at, worker_priority, status) WHERE worker_priority <> 0 AND status <> 'cancelled';
CREATE INDEX dispatches_disputed ON dispatches (starts_at, disputed) WHERE disputed <> 0;
CREATE INDEX dispatches_unpaid ON dispatches (done_at, status, paid_at) WHERE status = 'done' AND paid_at IS NULL;

-- Registrations by channel and visits by kind, read from the index alone instead of looking
-- each registered worker's and each visit's wide row up (the same indexes, one column wider).
DROP INDEX workers_created;
CREATE INDEX workers_created ON workers (created_at, channel);
DROP INDEX service_visits_at;
CREATE INDEX service_visits_at ON service_visits (at, kind);

-- Completed work and wages by their time: the indexes of migration 0009 that lead with the UTC
-- day (dispatches_done_day, dispatches_paid_day) serve every query these served, so they go.
DROP INDEX dispatches_done;
DROP INDEX dispatches_paid;

-- Dispatches still open (dispatched or checked in) by the end of their work, for the summary's
-- list of work nobody closed: a few thousand rows, read in order, instead of a table lookup
-- for each open dispatch's end (store/report_stillopen.go).
CREATE INDEX dispatches_still_open ON dispatches (ends_at, status) WHERE status IN ('dispatched', 'checked_in');
