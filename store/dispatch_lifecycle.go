package store

import (
	"context"
	"fmt"

	"gigdesk/store/valid"
)

// Who cancelled a dispatch.
const (
	ByWorker   = "worker"
	ByEmployer = "employer"
	ByStation  = "station"
)

// MaxPaidFactor bounds the amount paid: more than this many times the agreed pay is a typo.
const MaxPaidFactor = 10

// lifecycle runs one step on a dispatch: fn checks the current state and changes it.
func (s *Store) lifecycle(ctx context.Context, staff, id int64, action, detail string, fn func(tx *Tx, d *Dispatch) error) (Dispatch, error) {
	err := s.write(ctx, staff, func(tx *Tx) error {
		d, err := scanDispatch(tx.queryRow(`SELECT `+dispatchColumns+dispatchFrom+` WHERE d.id = ?`, id))
		if err != nil {
			return notFound(err, "dispatch")
		}
		if err := fn(tx, &d); err != nil {
			return err
		}
		return tx.audit(action, "dispatch", id, detail)
	})
	if err != nil {
		return Dispatch{}, err
	}
	return s.DispatchByID(ctx, id)
}

func wrongState(d *Dispatch, want string) error {
	key := "dispatch.state_cancelled"
	switch d.Status {
	case Dispatched:
		key = "dispatch.state_dispatched"
	case CheckedIn:
		key = "dispatch.state_checked_in"
	case DoneStatus:
		key = "dispatch.state_done"
	case NoShow:
		key = "dispatch.state_no_show"
	}
	return &Error{Code: Conflict, Key: key, Detail: fmt.Sprintf("dispatch is %s; %s", d.Status, want)}
}

// CheckIn records that the worker arrived (到岗); the job is now in progress.
func (s *Store) CheckIn(ctx context.Context, staff, id int64) (Dispatch, error) {
	return s.lifecycle(ctx, staff, id, "check_in", "", func(tx *Tx, d *Dispatch) error {
		if d.Status != Dispatched {
			return wrongState(d, "check-in needs a dispatched worker")
		}
		if _, err := tx.exec(`UPDATE dispatches SET status = 'checked_in', checked_in_at = ?, updated_at = ? WHERE id = ?`, tx.now.Unix(), tx.now.Unix(), d.ID); err != nil {
			return err
		}
		_, err := tx.exec(`UPDATE jobs SET status = 'in_progress', updated_at = ? WHERE id = ? AND status IN ('open', 'partly', 'filled')`, tx.now.Unix(), d.JobID)
		return err
	})
}

// Done records that the worker finished; the job is done once none of its dispatches is open.
func (s *Store) Done(ctx context.Context, staff, id int64) (Dispatch, error) {
	return s.lifecycle(ctx, staff, id, "done", "", func(tx *Tx, d *Dispatch) error {
		if !d.Open() {
			return wrongState(d, "only an open dispatch can be done")
		}
		// A worker who came but was never checked in still arrived: record the time now.
		if _, err := tx.exec(`UPDATE dispatches SET status = 'done', checked_in_at = coalesce(checked_in_at, ?), done_at = ?, updated_at = ? WHERE id = ?`,
			tx.now.Unix(), tx.now.Unix(), tx.now.Unix(), d.ID); err != nil {
			return err
		}
		return tx.settleJob(d.JobID)
	})
}

// settleJob closes a job as done when it has workers on it and none still expected.
func (t *Tx) settleJob(jobID int64) error {
	var open, done int
	var status JobStatus
	err := t.queryRow(`SELECT j.status,
		(SELECT count(*) FROM dispatches WHERE job_id = j.id AND status IN ('dispatched', 'checked_in')),
		(SELECT count(*) FROM dispatches WHERE job_id = j.id AND status = 'done') FROM jobs j WHERE j.id = ?`, jobID).Scan(&status, &open, &done)
	if err != nil {
		return err
	}
	if open == 0 && done > 0 && (status == JobInProgress || status == JobFilled) {
		_, err = t.exec(`UPDATE jobs SET status = 'done', updated_at = ? WHERE id = ?`, t.now.Unix(), jobID)
	}
	return err
}

// freeSeat gives a job back the head-count of a dispatch that will not happen.
func (t *Tx) freeSeat(jobID int64) error {
	var filled, headcount int
	var status JobStatus
	if err := t.queryRow(`SELECT filled, headcount, status FROM jobs WHERE id = ?`, jobID).Scan(&filled, &headcount, &status); err != nil {
		return err
	}
	filled = max(filled-1, 0)
	next := status
	if status == JobOpen || status == JobPartly || status == JobFilled {
		next = jobStatusFor(filled, headcount)
	}
	if _, err := t.exec(`UPDATE jobs SET filled = ?, status = ?, updated_at = ? WHERE id = ?`, filled, string(next), t.now.Unix(), jobID); err != nil {
		return err
	}
	return t.settleJob(jobID)
}

// Pay records the amount the worker was paid (fen; the agreed pay when 0 is passed as agreed).
// A negative amount or one above MaxPaidFactor times the agreed pay is refused.
func (s *Store) Pay(ctx context.Context, staff, id, paidFen int64) (Dispatch, error) {
	return s.lifecycle(ctx, staff, id, "pay", "", func(tx *Tx, d *Dispatch) error {
		switch {
		case paidFen < 0:
			return &Error{Code: Invalid, Key: "dispatch.pay_negative", Field: "paid", Detail: "amount paid is negative"}
		case paidFen == 0:
			return &Error{Code: Invalid, Key: "dispatch.pay_zero", Field: "paid", Detail: "amount paid is zero; record a dispute for unpaid wages"}
		case paidFen > valid.MaxPayFen || paidFen > MaxPaidFactor*d.AgreedPayFen:
			return &Error{Code: Invalid, Key: "dispatch.pay_absurd", Field: "paid", Detail: fmt.Sprintf("amount paid %s is beyond %d times the agreed pay", valid.FormatYuan(paidFen), MaxPaidFactor)}
		case d.Status != DoneStatus:
			return wrongState(d, "pay needs a finished dispatch")
		case d.Paid:
			return &Error{Code: Conflict, Key: "dispatch.already_paid", Detail: "already paid"}
		}
		_, err := tx.exec(`UPDATE dispatches SET paid_fen = ?, paid_at = ?, updated_at = ? WHERE id = ?`, paidFen, tx.now.Unix(), tx.now.Unix(), d.ID)
		return err
	})
}

// Rate records the employer's rating of the worker and the worker's of the employer, 1 to 5;
// 0 leaves a rating as it is.
func (s *Store) Rate(ctx context.Context, staff, id int64, workerRating, employerRating int) (Dispatch, error) {
	return s.lifecycle(ctx, staff, id, "rate", fmt.Sprintf("worker %d employer %d", workerRating, employerRating), func(tx *Tx, d *Dispatch) error {
		for _, r := range []int{workerRating, employerRating} {
			if r < 0 || r > 5 {
				return &Error{Code: Invalid, Key: "dispatch.rating", Field: "rating", Detail: "ratings are 1 to 5"}
			}
		}
		if workerRating == 0 && employerRating == 0 {
			return &Error{Code: Invalid, Key: "dispatch.rating", Field: "rating", Detail: "no rating given"}
		}
		if d.Status != DoneStatus {
			return wrongState(d, "ratings follow finished work")
		}
		_, err := tx.exec(`UPDATE dispatches SET worker_rating = coalesce(?, worker_rating), employer_rating = coalesce(?, employer_rating), updated_at = ? WHERE id = ?`,
			nullInt(workerRating), nullInt(employerRating), tx.now.Unix(), d.ID)
		return err
	})
}

// MarkNoShow records that the worker did not come (爽约); the seat is free for someone else.
func (s *Store) MarkNoShow(ctx context.Context, staff, id int64) (Dispatch, error) {
	return s.lifecycle(ctx, staff, id, "no_show", "", func(tx *Tx, d *Dispatch) error {
		if d.Status != Dispatched {
			return wrongState(d, "no-show needs a dispatched worker who has not arrived")
		}
		if _, err := tx.exec(`UPDATE dispatches SET status = 'no_show', updated_at = ? WHERE id = ?`, tx.now.Unix(), d.ID); err != nil {
			return err
		}
		return tx.freeSeat(d.JobID)
	})
}

// Cancel calls a dispatch off before the work, by the worker, the employer or the station,
// with a reason; the job gets the head-count back.
func (s *Store) Cancel(ctx context.Context, staff, id int64, by, reason string) (Dispatch, error) {
	if by != ByWorker && by != ByEmployer && by != ByStation {
		return Dispatch{}, &Error{Code: Invalid, Key: "dispatch.cancel_by", Field: "by", Detail: by}
	}
	reason, p := valid.Text("reason", reason, 200)
	if p != nil {
		return Dispatch{}, fieldError(p)
	}
	if reason == "" {
		return Dispatch{}, &Error{Code: Invalid, Key: "dispatch.reason_needed", Field: "reason", Detail: "a cancellation needs a reason"}
	}
	return s.lifecycle(ctx, staff, id, "cancel:"+by, reason, func(tx *Tx, d *Dispatch) error {
		if d.Status != Dispatched {
			return wrongState(d, "only a dispatch not yet started can be cancelled")
		}
		if _, err := tx.exec(`UPDATE dispatches SET status = 'cancelled', cancelled_by = ?, cancel_reason = ?, updated_at = ? WHERE id = ?`,
			by, reason, tx.now.Unix(), d.ID); err != nil {
			return err
		}
		return tx.freeSeat(d.JobID)
	})
}

// Dispute opens a dispute (纠纷) with a note; it stays on the follow-up list until resolved.
func (s *Store) Dispute(ctx context.Context, staff, id int64, note string) (Dispatch, error) {
	note, p := valid.Text("note", note, 500)
	if p != nil {
		return Dispatch{}, fieldError(p)
	}
	if note == "" {
		return Dispatch{}, &Error{Code: Invalid, Key: "dispatch.note_needed", Field: "note", Detail: "a dispute needs a note"}
	}
	return s.lifecycle(ctx, staff, id, "dispute", "", func(tx *Tx, d *Dispatch) error {
		if d.Status == Cancelled {
			return wrongState(d, "a cancelled dispatch has nothing to dispute")
		}
		if d.Disputed && d.DisputeResolvedAt.IsZero() {
			return &Error{Code: Conflict, Key: "dispatch.disputed", Detail: "a dispute is already open"}
		}
		_, err := tx.exec(`UPDATE dispatches SET disputed = 1, dispute_note = ?, dispute_resolved_at = NULL, updated_at = ? WHERE id = ?`, note, tx.now.Unix(), d.ID)
		return err
	})
}

// ResolveDispute closes an open dispute, adding how it ended to the note.
func (s *Store) ResolveDispute(ctx context.Context, staff, id int64, note string) (Dispatch, error) {
	note, p := valid.Text("note", note, 200)
	if p != nil {
		return Dispatch{}, fieldError(p)
	}
	return s.lifecycle(ctx, staff, id, "resolve", "", func(tx *Tx, d *Dispatch) error {
		if !d.Disputed || !d.DisputeResolvedAt.IsZero() {
			return &Error{Code: Conflict, Key: "dispatch.no_dispute", Detail: "no open dispute"}
		}
		full := d.DisputeNote
		if note != "" {
			full += " / " + note
		}
		_, err := tx.exec(`UPDATE dispatches SET dispute_note = ?, dispute_resolved_at = ?, updated_at = ? WHERE id = ?`, full, tx.now.Unix(), tx.now.Unix(), d.ID)
		return err
	})
}
