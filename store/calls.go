package store

import (
	"context"
	"time"

	"gigdesk/store/valid"
)

// CallOutcome is how a phone call to a worker about a job ended.
type CallOutcome string

const (
	NoAnswer CallOutcome = "no_answer"
	Declined CallOutcome = "declined"
	Accepted CallOutcome = "accepted"
)

// Call is one recorded phone call.
type Call struct {
	ID       int64
	JobID    int64
	WorkerID int64
	Outcome  CallOutcome
	Reason   string
	StaffID  int64
	At       time.Time
}

// RecordCall logs one call to a worker about a job. A declined call needs no reason but keeps one.
func (s *Store) RecordCall(ctx context.Context, staff, jobID, workerID int64, outcome CallOutcome, reason string) (Call, error) {
	c := Call{JobID: jobID, WorkerID: workerID, Outcome: outcome, StaffID: staff}
	if outcome != NoAnswer && outcome != Declined && outcome != Accepted {
		return c, &Error{Code: Invalid, Key: "call.outcome", Field: "outcome", Detail: string(outcome)}
	}
	reason, p := valid.Text("reason", reason, 200)
	if p != nil {
		return c, fieldError(p)
	}
	c.Reason = reason
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.exists(`SELECT 1 FROM jobs WHERE id = ?`, jobID, "job"); err != nil {
			return err
		}
		if err := tx.exists(`SELECT 1 FROM workers WHERE id = ? AND erased = 0`, workerID, "worker"); err != nil {
			return err
		}
		c.At = tx.now
		id, err := tx.insert(`INSERT INTO call_attempts (job_id, worker_id, outcome, reason, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`,
			jobID, workerID, string(outcome), reason, nullID(staff), tx.now.Unix())
		if err != nil {
			return err
		}
		c.ID = id
		return tx.audit("call:"+string(outcome), "job", jobID, refs("worker", workerID))
	})
	return c, err
}

// Calls lists the calls made about a job, oldest first.
func (s *Store) Calls(ctx context.Context, jobID int64) ([]Call, error) {
	return queryAll(ctx, s, scanCall, `SELECT id, job_id, worker_id, outcome, reason, coalesce(staff_id, 0), at FROM call_attempts WHERE job_id = ? ORDER BY id`, jobID)
}

func scanCall(sc scanner) (Call, error) {
	var c Call
	var at int64
	if err := sc.Scan(&c.ID, &c.JobID, &c.WorkerID, &c.Outcome, &c.Reason, &c.StaffID, &at); err != nil {
		return c, err
	}
	c.At = time.Unix(at, 0)
	return c, nil
}
