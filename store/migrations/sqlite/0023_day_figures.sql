-- The totals of a past station-local day that the Summary compares a period with (the day
-- before and the seven before): at a district they cost most of its reading, and a past day
-- changes seldom. A row is what report_daycache.go counted from the records; it is dropped in
-- the same transaction as any write to a dispatch or job that falls on its day (the triggers
-- below), so what stays is always what the records say. An empty table is always right.
CREATE TABLE day_figures (
    a       INTEGER PRIMARY KEY,   -- the day's first second (Unix)
    b       INTEGER NOT NULL,      -- the next day's first second
    totals  TEXT NOT NULL,         -- JSON of dayTotals but its minutes to dispatch
    made_at INTEGER NOT NULL,
    waits   TEXT NOT NULL          -- its minutes to dispatch: "minutes:count" pairs
);

-- A dispatch counts on the days of its creation (made, cancelled, priority, minutes to
-- dispatch), its start (no-shows, disputes), its end (done, unpaid) and its payment.
CREATE TRIGGER dispatches_day_figures_insert AFTER INSERT ON dispatches
BEGIN
    DELETE FROM day_figures WHERE (a <= NEW.created_at AND b > NEW.created_at)
        OR (a <= NEW.starts_at AND b > NEW.starts_at)
        OR (a <= NEW.done_at AND b > NEW.done_at) OR (a <= NEW.paid_at AND b > NEW.paid_at);
END;

CREATE TRIGGER dispatches_day_figures_update AFTER UPDATE ON dispatches
BEGIN
    DELETE FROM day_figures WHERE (a <= OLD.created_at AND b > OLD.created_at)
        OR (a <= OLD.starts_at AND b > OLD.starts_at)
        OR (a <= OLD.done_at AND b > OLD.done_at) OR (a <= OLD.paid_at AND b > OLD.paid_at)
        OR (a <= NEW.created_at AND b > NEW.created_at)
        OR (a <= NEW.starts_at AND b > NEW.starts_at)
        OR (a <= NEW.done_at AND b > NEW.done_at) OR (a <= NEW.paid_at AND b > NEW.paid_at);
END;

CREATE TRIGGER dispatches_day_figures_delete AFTER DELETE ON dispatches
BEGIN
    DELETE FROM day_figures WHERE (a <= OLD.created_at AND b > OLD.created_at)
        OR (a <= OLD.starts_at AND b > OLD.starts_at)
        OR (a <= OLD.done_at AND b > OLD.done_at) OR (a <= OLD.paid_at AND b > OLD.paid_at);
END;

-- A job counts on the day it was posted (posted, cancelled, places held, unfilled).
CREATE TRIGGER jobs_day_figures_insert AFTER INSERT ON jobs
BEGIN
    DELETE FROM day_figures WHERE a <= NEW.created_at AND b > NEW.created_at;
END;

CREATE TRIGGER jobs_day_figures_update AFTER UPDATE ON jobs
BEGIN
    DELETE FROM day_figures WHERE (a <= OLD.created_at AND b > OLD.created_at)
        OR (a <= NEW.created_at AND b > NEW.created_at);
END;

CREATE TRIGGER jobs_day_figures_delete AFTER DELETE ON jobs
BEGIN
    DELETE FROM day_figures WHERE a <= OLD.created_at AND b > OLD.created_at;
END;
