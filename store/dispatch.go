package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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

// DispatchStatus is where one worker's dispatch stands.
type DispatchStatus string

const (
	Dispatched DispatchStatus = "dispatched"
	CheckedIn  DispatchStatus = "checked_in"
	DoneStatus DispatchStatus = "done"
	NoShow     DispatchStatus = "no_show"
	Cancelled  DispatchStatus = "cancelled"
)

// Who cancelled a dispatch.
const (
	ByWorker   = "worker"
	ByEmployer = "employer"
	ByStation  = "station"
)

// MaxPaidFactor bounds the amount paid: more than this many times the agreed pay is a typo.
const MaxPaidFactor = 10

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

// Dispatch (派工) is one worker on one job, with what the slip and the lists show about both.
type Dispatch struct {
	ID                int64
	JobID             int64
	WorkerID          int64
	Status            DispatchStatus
	StartsAt, EndsAt  time.Time
	AgreedPayFen      int64
	Insured           bool
	CheckedInAt       time.Time
	DoneAt            time.Time
	PaidFen           int64
	Paid              bool
	PaidAt            time.Time
	WorkerRating      int // the employer's rating of the worker, 0 = none
	EmployerRating    int // the worker's rating of the employer, 0 = none
	CancelledBy       string
	CancelReason      string
	Disputed          bool
	DisputeNote       string
	DisputeResolvedAt time.Time
	CreatedBy         int64
	CreatedAt         time.Time
	UpdatedAt         time.Time

	// From the job, the worker, the employer and the staff member.
	TradeID       int64
	PayUnit       PayUnit
	Address       string
	CommunityID   int64
	JobStatus     JobStatus
	WorkerName    string
	WorkerPhone   string // unmasked: screens mask it, the slip prints it
	EmployerName  string
	EmployerPhone string
	Contact       string
	StaffName     string
}

// Open reports whether the dispatch still waits for the worker to arrive or finish.
func (d *Dispatch) Open() bool { return d.Status == Dispatched || d.Status == CheckedIn }

// FollowUp reports whether the dispatch needs staff's attention: done but unpaid, or disputed.
func (d *Dispatch) FollowUp() bool {
	return d.Status == DoneStatus && !d.Paid || d.Disputed && d.DisputeResolvedAt.IsZero()
}

const dispatchColumns = `d.id, d.job_id, d.worker_id, d.status, d.starts_at, d.ends_at, d.agreed_pay_fen, d.insured,
	d.checked_in_at, d.done_at, d.paid_fen, d.paid_at, coalesce(d.worker_rating, 0), coalesce(d.employer_rating, 0),
	d.cancelled_by, d.cancel_reason, d.disputed, d.dispute_note, d.dispute_resolved_at, coalesce(d.created_by, 0), d.created_at, d.updated_at,
	j.trade_id, j.pay_unit, j.address, coalesce(j.community_id, 0), j.status, w.name, coalesce(w.phone, ''),
	e.name, coalesce(e.phone, ''), e.contact, coalesce(st.name, '')`

const dispatchFrom = ` FROM dispatches d JOIN jobs j ON j.id = d.job_id JOIN workers w ON w.id = d.worker_id
	JOIN employers e ON e.id = j.employer_id LEFT JOIN staff st ON st.id = d.created_by`

func scanDispatch(sc scanner) (Dispatch, error) {
	var d Dispatch
	var starts, ends, created, updated int64
	var checked, done, paidAt, resolved = new(nullTime), new(nullTime), new(nullTime), new(nullTime)
	var paid sql.NullInt64
	err := sc.Scan(&d.ID, &d.JobID, &d.WorkerID, &d.Status, &starts, &ends, &d.AgreedPayFen, &d.Insured,
		checked, done, &paid, paidAt, &d.WorkerRating, &d.EmployerRating,
		&d.CancelledBy, &d.CancelReason, &d.Disputed, &d.DisputeNote, resolved, &d.CreatedBy, &created, &updated,
		&d.TradeID, &d.PayUnit, &d.Address, &d.CommunityID, &d.JobStatus, &d.WorkerName, &d.WorkerPhone,
		&d.EmployerName, &d.EmployerPhone, &d.Contact, &d.StaffName)
	d.StartsAt, d.EndsAt = time.Unix(starts, 0), time.Unix(ends, 0)
	d.CheckedInAt, d.DoneAt, d.PaidAt, d.DisputeResolvedAt = checked.t, done.t, paidAt.t, resolved.t
	d.PaidFen, d.Paid = paid.Int64, paid.Valid
	d.CreatedAt, d.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	return d, err
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
		return tx.audit("call:"+string(outcome), "job", jobID, fmt.Sprintf("worker %d", workerID))
	})
	return c, err
}

// Calls lists the calls made about a job, oldest first.
func (s *Store) Calls(ctx context.Context, jobID int64) ([]Call, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, job_id, worker_id, outcome, reason, coalesce(staff_id, 0), at FROM call_attempts WHERE job_id = ? ORDER BY id`, jobID)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	var out []Call
	for rows.Next() {
		var c Call
		var at int64
		if err := rows.Scan(&c.ID, &c.JobID, &c.WorkerID, &c.Outcome, &c.Reason, &c.StaffID, &at); err != nil {
			return nil, dbError(err, s.path)
		}
		c.At = time.Unix(at, 0)
		out = append(out, c)
	}
	return out, dbError(rows.Err(), s.path)
}

func (t *Tx) exists(query string, id int64, entity string) error {
	var one int
	return notFound(t.queryRow(query, id).Scan(&one), entity)
}

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
		j, err := scanJob(tx.queryRow(`SELECT `+jobColumns+` FROM jobs WHERE id = ?`, in.JobID))
		if err != nil {
			return notFound(err, "job")
		}
		switch {
		case j.Status == JobCancelled:
			return &Error{Code: Conflict, Key: "dispatch.job_cancelled", Detail: "job is cancelled"}
		case j.Status == JobExpired:
			return &Error{Code: Conflict, Key: "dispatch.job_expired", Detail: "job has expired"}
		case j.Status == JobFilled || j.Open() && j.Filled >= j.Headcount:
			return &Error{Code: Conflict, Key: "dispatch.job_filled", Detail: "job has its head-count"}
		case !j.Open():
			return &Error{Code: Conflict, Key: "dispatch.job_closed", Detail: "job is " + string(j.Status)}
		}
		pay := in.AgreedPayFen
		if pay == 0 {
			pay = j.PayFen
		}
		if p := valid.PayFen(pay); p != nil {
			p.Field = "agreed_pay"
			return fieldError(p)
		}
		var status WorkerStatus
		var priority bool
		if err := tx.queryRow(`SELECT status, groups <> '' FROM workers WHERE id = ? AND erased = 0`, in.WorkerID).Scan(&status, &priority); err != nil {
			return notFound(err, "worker")
		}
		if status != Active {
			return workerUnavailable(status)
		}
		var prior DispatchStatus
		var priorID int64
		err = tx.queryRow(`SELECT id, status FROM dispatches WHERE job_id = ? AND worker_id = ?`, in.JobID, in.WorkerID).Scan(&priorID, &prior)
		switch {
		case err == nil && prior == Cancelled:
			return &Error{Code: Conflict, Key: "dispatch.cancelled_before", Ref: priorID, Detail: "worker's dispatch to this job was cancelled"}
		case err == nil:
			return &Error{Code: Conflict, Key: "dispatch.duplicate", Ref: priorID, Detail: "worker already dispatched to this job"}
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		var last CallOutcome
		err = tx.queryRow(`SELECT outcome FROM call_attempts WHERE job_id = ? AND worker_id = ? ORDER BY id DESC LIMIT 1`, in.JobID, in.WorkerID).Scan(&last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if last == Declined {
			return &Error{Code: Conflict, Key: "dispatch.declined", Detail: "worker declined this job"}
		}
		start, end := j.StartsAt.Unix(), j.EndsAt().Unix()
		var clash int64
		err = tx.queryRow(`SELECT id FROM dispatches WHERE worker_id = ? AND status <> 'cancelled' AND starts_at < ? AND ends_at > ? ORDER BY starts_at LIMIT 1`,
			in.WorkerID, end, start).Scan(&clash)
		if err == nil {
			return &Error{Code: Conflict, Key: "dispatch.busy", Ref: clash, Detail: "worker is booked at an overlapping time"}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		// The job's trade, community and posting time and the worker's priority are copied for the day's figures.
		id, err = tx.insert(`INSERT INTO dispatches (job_id, worker_id, status, starts_at, ends_at, agreed_pay_fen, insured, created_by, created_at, updated_at,
				job_trade_id, job_community_id, job_posted_at, worker_priority)
			VALUES (?, ?, 'dispatched', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, in.JobID, in.WorkerID, start, end, pay, in.Insured, nullID(staff), tx.now.Unix(), tx.now.Unix(),
			j.TradeID, j.CommunityID, j.CreatedAt.Unix(), boolInt(priority))
		if err != nil {
			return err
		}
		filled := j.Filled + 1
		if _, err := tx.exec(`UPDATE jobs SET filled = ?, status = ?, updated_at = ? WHERE id = ?`,
			filled, string(jobStatusFor(filled, j.Headcount)), tx.now.Unix(), j.ID); err != nil {
			return err
		}
		return tx.audit("dispatch", "dispatch", id, fmt.Sprintf("job %d worker %d", in.JobID, in.WorkerID))
	})
	if err != nil {
		return Dispatch{}, err
	}
	return s.Dispatch1(ctx, id)
}

// Dispatch1 reads one dispatch with its job, worker and employer.
func (s *Store) Dispatch1(ctx context.Context, id int64) (Dispatch, error) {
	d, err := scanDispatch(s.db.QueryRowContext(ctx, `SELECT `+dispatchColumns+dispatchFrom+` WHERE d.id = ?`, id))
	if err != nil {
		return d, dbError(notFound(err, "dispatch"), s.path)
	}
	return d, nil
}

// DispatchSlip reads a dispatch for printing its slip, recording that staff saw both phones.
func (s *Store) DispatchSlip(ctx context.Context, staff, id int64) (Dispatch, error) {
	d, err := s.Dispatch1(ctx, id)
	if err != nil {
		return d, err
	}
	err = s.write(ctx, staff, func(tx *Tx) error { return tx.audit("slip", "dispatch", id, "") })
	return d, err
}

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
	return s.Dispatch1(ctx, id)
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

// workerUnavailable refuses work to a paused or departed worker.
func workerUnavailable(status WorkerStatus) error {
	if status == Left {
		return &Error{Code: Conflict, Key: "dispatch.worker_left", Detail: "worker has left"}
	}
	return &Error{Code: Conflict, Key: "dispatch.worker_paused", Detail: "worker is " + string(status)}
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

// DispatchFilter picks dispatches for the lists.
type DispatchFilter struct {
	Day      string // station-local date: dispatches starting or made that day
	FollowUp bool   // done but unpaid, or disputed and unresolved, whenever they were
	JobID    int64
	Limit    int
}

// Dispatches lists dispatches by start time.
func (s *Store) Dispatches(ctx context.Context, f DispatchFilter) ([]Dispatch, error) {
	q := `SELECT ` + dispatchColumns + dispatchFrom + ` WHERE 1 = 1`
	var args []any
	if f.Day != "" {
		start, end, err := s.DayRange(f.Day)
		if err != nil {
			return nil, err
		}
		q += ` AND ((d.starts_at >= ? AND d.starts_at < ?) OR (d.created_at >= ? AND d.created_at < ?))`
		args = append(args, start.Unix(), end.Unix(), start.Unix(), end.Unix())
	}
	if f.FollowUp {
		q += ` AND ((d.status = 'done' AND d.paid_fen IS NULL) OR (d.disputed = 1 AND d.dispute_resolved_at IS NULL))`
	}
	if f.JobID != 0 {
		q += ` AND d.job_id = ?`
		args = append(args, f.JobID)
	}
	q += ` ORDER BY d.starts_at, d.id`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	return queryAll(ctx, s, scanDispatch, q, args...)
}
