package store

import (
	"context"
	"database/sql"
	"errors"

	"gigdesk/store/valid"
)

// DispatchInput is what staff settle with the worker on the phone.
type DispatchInput struct {
	JobID        int64
	WorkerID     int64
	AgreedPayFen int64 // 0 = the job's pay
	Insured      bool
}

// Dispatch sends a worker to a job. It refuses a paused or departed worker, one booked at an
// overlapping time, one whose last call about this job was declined (or who cancelled it),
// a job no longer taking workers, and the same worker twice; the job's filled count and status
// change in the same transaction.
func (s *Store) Dispatch(ctx context.Context, staff int64, in DispatchInput) (Dispatch, error) {
	var id int64
	err := s.write(ctx, staff, func(tx *Tx) error {
		j, pay, err := tx.jobTakingWorkers(in)
		if err != nil {
			return err
		}
		priority, err := tx.workerFreeFor(in, j)
		if err != nil {
			return err
		}
		// The job's trade, community and posting time and the worker's priority are copied for the day's figures.
		id, err = tx.insert(`INSERT INTO dispatches (job_id, worker_id, status, starts_at, ends_at, agreed_pay_fen, insured, created_by, created_at, updated_at,
				job_trade_id, job_community_id, job_posted_at, worker_priority)
			VALUES (?, ?, 'dispatched', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, in.JobID, in.WorkerID, j.StartsAt.Unix(), j.EndsAt().Unix(), pay, in.Insured,
			nullID(staff), tx.now.Unix(), tx.now.Unix(), j.TradeID, j.CommunityID, j.CreatedAt.Unix(), boolInt(priority))
		if err != nil {
			return err
		}
		filled := j.Filled + 1
		if _, err := tx.exec(`UPDATE jobs SET filled = ?, status = ?, updated_at = ? WHERE id = ?`,
			filled, string(jobStatusFor(filled, j.Headcount)), tx.now.Unix(), j.ID); err != nil {
			return err
		}
		return tx.audit("dispatch", "dispatch", id, refs("job", in.JobID, "worker", in.WorkerID))
	})
	if err != nil {
		return Dispatch{}, err
	}
	return s.DispatchByID(ctx, id)
}

// jobTakingWorkers reads the job of in and refuses one no longer taking workers; pay is the
// agreed pay, the job's when in leaves it 0.
func (t *Tx) jobTakingWorkers(in DispatchInput) (j Job, pay int64, err error) {
	j, err = scanJob(t.queryRow(`SELECT `+jobColumns+` FROM jobs WHERE id = ?`, in.JobID))
	if err != nil {
		return j, 0, notFound(err, "job")
	}
	switch {
	case j.Status == JobCancelled:
		return j, 0, &Error{Code: Conflict, Key: "dispatch.job_cancelled", Detail: "job is cancelled"}
	case j.Status == JobExpired:
		return j, 0, &Error{Code: Conflict, Key: "dispatch.job_expired", Detail: "job has expired"}
	case j.Status == JobFilled || j.Open() && j.Filled >= j.Headcount:
		return j, 0, &Error{Code: Conflict, Key: "dispatch.job_filled", Detail: "job has its head-count"}
	case !j.Open():
		return j, 0, &Error{Code: Conflict, Key: "dispatch.job_closed", Detail: "job is " + string(j.Status)}
	}
	pay = in.AgreedPayFen
	if pay == 0 {
		pay = j.PayFen
	}
	if p := valid.PayFen(pay); p != nil {
		p.Field = "agreed_pay"
		return j, 0, fieldError(p)
	}
	return j, pay, nil
}

// workerFreeFor refuses a worker who is not active, was dispatched to j before, declined it
// on the last call, or is booked at an overlapping time; priority reports a priority group.
func (t *Tx) workerFreeFor(in DispatchInput, j Job) (priority bool, err error) {
	var status WorkerStatus
	if err := t.queryRow(`SELECT status, groups <> '' FROM workers WHERE id = ? AND erased = 0`, in.WorkerID).Scan(&status, &priority); err != nil {
		return false, notFound(err, "worker")
	}
	if status != Active {
		return false, workerUnavailable(status)
	}
	var prior DispatchStatus
	var priorID int64
	err = t.queryRow(`SELECT id, status FROM dispatches WHERE job_id = ? AND worker_id = ?`, in.JobID, in.WorkerID).Scan(&priorID, &prior)
	switch {
	case err == nil && prior == Cancelled:
		return false, &Error{Code: Conflict, Key: "dispatch.cancelled_before", Ref: priorID, Detail: "worker's dispatch to this job was cancelled"}
	case err == nil:
		return false, &Error{Code: Conflict, Key: "dispatch.duplicate", Ref: priorID, Detail: "worker already dispatched to this job"}
	case !errors.Is(err, sql.ErrNoRows):
		return false, err
	}
	var last CallOutcome
	err = t.queryRow(`SELECT outcome FROM call_attempts WHERE job_id = ? AND worker_id = ? ORDER BY id DESC LIMIT 1`, in.JobID, in.WorkerID).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	if last == Declined {
		return false, &Error{Code: Conflict, Key: "dispatch.declined", Detail: "worker declined this job"}
	}
	var clash int64
	err = t.queryRow(`SELECT id FROM dispatches WHERE worker_id = ? AND status <> 'cancelled' AND starts_at < ? AND ends_at > ? ORDER BY starts_at LIMIT 1`,
		in.WorkerID, j.EndsAt().Unix(), j.StartsAt.Unix()).Scan(&clash)
	if err == nil {
		return false, &Error{Code: Conflict, Key: "dispatch.busy", Ref: clash, Detail: "worker is booked at an overlapping time"}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	return priority, nil
}

// workerUnavailable refuses work to a paused or departed worker.
func workerUnavailable(status WorkerStatus) error {
	if status == Left {
		return &Error{Code: Conflict, Key: "dispatch.worker_left", Detail: "worker has left"}
	}
	return &Error{Code: Conflict, Key: "dispatch.worker_paused", Detail: "worker is " + string(status)}
}
