package store

import (
	"context"
	"database/sql"
	"time"
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

// DispatchByID reads one dispatch with its job, worker and employer.
func (s *Store) DispatchByID(ctx context.Context, id int64) (Dispatch, error) {
	d, err := scanDispatch(s.db.QueryRowContext(ctx, `SELECT `+dispatchColumns+dispatchFrom+` WHERE d.id = ?`, id))
	if err != nil {
		return d, dbError(notFound(err, "dispatch"), s.path)
	}
	return d, nil
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
