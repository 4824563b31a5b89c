-- The day's figures (store/report.go) count each dispatch by its job's trade and community,
-- by the minutes from the job's posting, and by whether its worker is in a priority group.
-- Looking the job and the worker up for every dispatch made a month's figures cost seconds
-- over a year of dispatches; these copies let each figure read one index range instead.
ALTER TABLE dispatches ADD COLUMN job_trade_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dispatches ADD COLUMN job_community_id BIGINT NOT NULL DEFAULT 0; -- 0: the job names no community
ALTER TABLE dispatches ADD COLUMN job_posted_at BIGINT NOT NULL DEFAULT 0;     -- the job's created_at
ALTER TABLE dispatches ADD COLUMN worker_priority BIGINT NOT NULL DEFAULT 0;   -- 1: the worker's groups are not empty

UPDATE dispatches SET job_trade_id = j.trade_id, job_community_id = coalesce(j.community_id, 0), job_posted_at = j.created_at
FROM jobs j WHERE j.id = dispatches.job_id;

UPDATE dispatches SET worker_priority = 1
FROM workers w WHERE w.id = dispatches.worker_id AND w.groups <> '';

-- The copies follow their source, so every figure stays as Figures defines it (and agrees
-- with the dispatches export, which reads the job and the worker as they are now).
-- A dispatch written without them (any insert path that does not know them) gets them here.
CREATE FUNCTION dispatches_copy_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT trade_id, coalesce(community_id, 0), created_at
        INTO NEW.job_trade_id, NEW.job_community_id, NEW.job_posted_at
        FROM jobs WHERE id = NEW.job_id;
    SELECT CASE WHEN groups <> '' THEN 1 ELSE 0 END INTO NEW.worker_priority
        FROM workers WHERE id = NEW.worker_id;
    RETURN NEW;
END;
$$;

-- Before the insert, not after as on SQLite: PostgreSQL can set the new row's own columns.
CREATE TRIGGER dispatches_copy_facts BEFORE INSERT ON dispatches
    FOR EACH ROW WHEN (NEW.job_posted_at = 0) EXECUTE FUNCTION dispatches_copy_facts();

-- A job moved to another trade or community moves its dispatches' figures with it.
CREATE FUNCTION jobs_place_to_dispatches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dispatches SET job_trade_id = NEW.trade_id, job_community_id = coalesce(NEW.community_id, 0)
    WHERE job_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER jobs_place_to_dispatches AFTER UPDATE OF trade_id, community_id ON jobs
    FOR EACH ROW
    WHEN (NEW.trade_id IS DISTINCT FROM OLD.trade_id OR NEW.community_id IS DISTINCT FROM OLD.community_id)
    EXECUTE FUNCTION jobs_place_to_dispatches();

-- Priority-group placements count the worker's groups as recorded now, like every other
-- figure reads statuses as they are now: a worker added to (or taken off) a group moves
-- their dispatches in or out of the count.
CREATE FUNCTION workers_priority_to_dispatches() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE dispatches SET worker_priority = CASE WHEN NEW.groups <> '' THEN 1 ELSE 0 END
    WHERE worker_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER workers_priority_to_dispatches AFTER UPDATE OF groups ON workers
    FOR EACH ROW WHEN ((NEW.groups <> '') <> (OLD.groups <> ''))
    EXECUTE FUNCTION workers_priority_to_dispatches();

-- Covering indexes. Those that group by trade and community (or by minutes to dispatch) lead
-- with the UTC day (t / 86400) or week (t / 604800) of the timestamp the figure counts by: a
-- query limited to those days and grouped by the same expression first reads its rows in
-- index order and aggregates them as it goes, instead of sorting a month of rows.
DROP INDEX dispatches_created_cover;
CREATE INDEX dispatches_created_cover ON dispatches (created_at, status, job_id, worker_id, worker_priority);
CREATE INDEX dispatches_created_day ON dispatches
    ((created_at / 86400), job_trade_id, job_community_id, status, worker_priority, created_at);
CREATE INDEX dispatches_wait_week ON dispatches
    ((created_at / 604800), ((created_at - job_posted_at) / 60), status, created_at, job_posted_at);
CREATE INDEX dispatches_done_day ON dispatches
    (status, (done_at / 86400), job_trade_id, job_community_id, done_at, paid_at);
CREATE INDEX dispatches_paid_day ON dispatches
    ((paid_at / 86400), job_trade_id, job_community_id, paid_at, paid_fen);
CREATE INDEX jobs_created_day ON jobs
    ((created_at / 86400), trade_id, community_id, created_at, headcount, filled, status, starts_at);
