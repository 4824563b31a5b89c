-- The fairness sections of the Summary (store/report_fairness.go) read, for every worker who
-- signed in or worked in a period, their sign-in days, the starts of their dispatches and their
-- priority groups, and the calls the waiting ones declined or missed. Each of those read a
-- district's month of rows from the index and then looked each row up in the table for the one
-- column the index lacked; these indexes (the same ones, one column wider, or a small partial
-- one) hold it, so each read is one index range.
DROP INDEX sign_ins_day;
CREATE INDEX sign_ins_day ON sign_ins (day, in_at, worker_id);
DROP INDEX dispatches_status;
CREATE INDEX dispatches_status ON dispatches (status, starts_at, worker_id);
DROP INDEX call_attempts_at;
CREATE INDEX call_attempts_at ON call_attempts (at, outcome, worker_id);
-- the workers in a priority group (a quarter of them), instead of a scan of every wide row
CREATE INDEX workers_groups ON workers (id, groups) WHERE groups <> '';
