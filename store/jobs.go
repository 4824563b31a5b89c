package store

import (
	"context"
	"fmt"
	"time"

	"gigdesk/store/valid"
)

// JobStatus is where a job stands: open → partly filled → filled → in progress → done,
// or cancelled / expired.
type JobStatus string

const (
	JobOpen       JobStatus = "open"
	JobPartly     JobStatus = "partly"
	JobFilled     JobStatus = "filled"
	JobInProgress JobStatus = "in_progress"
	JobDone       JobStatus = "done"
	JobCancelled  JobStatus = "cancelled"
	JobExpired    JobStatus = "expired"
)

// Job (用工需求) is work an employer needs done.
type Job struct {
	ID                int64
	EmployerID        int64
	TradeID           int64
	Headcount         int
	Filled            int
	Address           string
	CommunityID       int64
	StartsAt          time.Time
	Duration          time.Duration
	PayFen            int64
	PayUnit           PayUnit
	Requirements      string
	Urgent            bool
	Channel           Channel
	Status            JobStatus
	StatusReason      string
	RequestedWorkerID int64
	ValidUntil        time.Time
	CreatedBy         int64
	CreatedAt         time.Time
	UpdatedAt         time.Time
	Review            JobReview // reasons confirmed when saved, kept with the job (guidepay.go)
}

// EndsAt is when the job's time slot ends.
func (j *Job) EndsAt() time.Time { return j.StartsAt.Add(j.Duration) }

// Open reports whether the job still wants workers.
func (j *Job) Open() bool { return j.Status == JobOpen || j.Status == JobPartly }

// MaxDuration is the longest single job the counter takes (a month of days).
const MaxDuration = 31 * 24 * time.Hour

// Validate checks a job as staff typed it; now refuses a start in the past.
func (j *Job) Validate(now time.Time) error {
	if j.EmployerID == 0 {
		return &Error{Code: Invalid, Key: "job.employer", Field: "employer", Detail: "job needs an employer"}
	}
	if j.TradeID == 0 {
		return &Error{Code: Invalid, Key: "job.trade", Field: "trade", Detail: "job needs a trade"}
	}
	if p := valid.Headcount(j.Headcount); p != nil {
		return fieldError(p)
	}
	if j.StartsAt.IsZero() {
		return &Error{Code: Invalid, Key: "job.start_missing", Field: "start", Detail: "job needs a start time"}
	}
	// A few minutes of grace: "now" typed at the counter is already a minute old when saved.
	if j.StartsAt.Before(now.Add(-15 * time.Minute)) {
		return &Error{Code: Invalid, Key: "job.start_past", Field: "start", Detail: "start time is in the past"}
	}
	if j.Duration < 30*time.Minute || j.Duration > MaxDuration {
		return &Error{Code: Invalid, Key: "job.duration", Field: "duration", Detail: "duration 30 minutes to 31 days"}
	}
	if p := valid.PayFen(j.PayFen); p != nil {
		return fieldError(p)
	}
	if j.PayUnit == "" {
		j.PayUnit = PerDay
	}
	if !j.PayUnit.valid() {
		return &Error{Code: Invalid, Key: "pay.unit", Field: "pay_unit", Detail: string(j.PayUnit)}
	}
	var p *valid.Problem
	if j.Address, p = valid.Text("address", j.Address, 100); p != nil {
		return fieldError(p)
	}
	if j.Requirements, p = valid.Text("requirements", j.Requirements, 500); p != nil {
		return fieldError(p)
	}
	if j.Channel == "" {
		j.Channel = ByPhone
	}
	if j.Channel != ByCounter && j.Channel != ByPhone && j.Channel != Online {
		return &Error{Code: Invalid, Key: "channel.invalid", Field: "channel", Detail: string(j.Channel)}
	}
	return nil
}

// HourlyFen is the job's pay per hour, for the minimum-wage check; piece rates have none.
func (j *Job) HourlyFen() (int64, bool) {
	hours := int64(j.Duration / time.Hour)
	switch j.PayUnit {
	case PerHour:
		return j.PayFen, true
	case PerDay:
		return j.PayFen / 8, true
	case Fixed:
		if hours == 0 {
			return 0, false
		}
		if hours > 8 {
			hours = (hours + 23) / 24 * 8 // a multi-day job is 8 working hours a day
		}
		return j.PayFen / hours, true
	}
	return 0, false
}

const jobColumns = `id, employer_id, trade_id, headcount, filled, address, coalesce(community_id, 0), starts_at, duration_minutes,
	pay_fen, pay_unit, requirements, urgent, channel, status, status_reason, coalesce(requested_worker_id, 0), valid_until,
	coalesce(created_by, 0), created_at, updated_at`

func scanJob(sc scanner) (Job, error) {
	var j Job
	var starts, created, updated int64
	var minutes int
	var validUntil = new(nullTime)
	err := sc.Scan(&j.ID, &j.EmployerID, &j.TradeID, &j.Headcount, &j.Filled, &j.Address, &j.CommunityID, &starts, &minutes,
		&j.PayFen, &j.PayUnit, &j.Requirements, &j.Urgent, &j.Channel, &j.Status, &j.StatusReason, &j.RequestedWorkerID,
		validUntil, &j.CreatedBy, &created, &updated)
	j.StartsAt = time.Unix(starts, 0)
	j.Duration = time.Duration(minutes) * time.Minute
	j.ValidUntil = validUntil.t
	j.CreatedAt, j.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	return j, err
}

// nullTime scans a nullable Unix-seconds column.
type nullTime struct{ t time.Time }

func (n *nullTime) Scan(v any) error {
	switch x := v.(type) {
	case nil:
		n.t = time.Time{}
	case int64:
		n.t = time.Unix(x, 0)
	default:
		return fmt.Errorf("nullTime: unexpected %T", v)
	}
	return nil
}

// CreateJob posts a job; a new employer (ID 0) is saved in the same transaction, and a
// known employer whose details were corrected at the counter is updated in it too.
func (s *Store) CreateJob(ctx context.Context, staff int64, e Employer, j Job) (Employer, Job, error) {
	if e.ID == 0 {
		if err := e.Validate(); err != nil {
			return e, j, err
		}
	}
	j.EmployerID = max(e.ID, 1) // validated below against the real id once the employer exists
	if err := j.Validate(s.now()); err != nil {
		return e, j, err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return e, j, err
	}
	if e.ID != 0 {
		if err := e.Validate(); err != nil {
			return e, j, err
		}
	}
	err = s.write(ctx, staff, func(tx *Tx) error {
		if e.ID == 0 {
			if err := tx.saveEmployer(&e); err != nil {
				return err
			}
		} else if err := tx.updateEmployerIfChanged(&e); err != nil {
			return err
		}
		if err := tx.checkRequestedWorker(j.RequestedWorkerID); err != nil {
			return err
		}
		j.EmployerID = e.ID
		j.Status, j.Filled, j.CreatedBy = JobOpen, 0, staff
		j.CreatedAt, j.UpdatedAt = tx.now, tx.now
		if j.ValidUntil.IsZero() && st.JobValidDays > 0 {
			j.ValidUntil = tx.now.AddDate(0, 0, st.JobValidDays)
		}
		id, err := tx.insert(`INSERT INTO jobs (employer_id, trade_id, headcount, filled, address, community_id, starts_at,
			duration_minutes, pay_fen, pay_unit, requirements, urgent, channel, status, requested_worker_id, valid_until,
			created_by, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
			j.EmployerID, j.TradeID, j.Headcount, j.Address, nullID(j.CommunityID), j.StartsAt.Unix(), int(j.Duration/time.Minute),
			j.PayFen, string(j.PayUnit), j.Requirements, j.Urgent, string(j.Channel), nullID(j.RequestedWorkerID),
			unix(j.ValidUntil), nullID(staff), tx.now.Unix(), tx.now.Unix())
		if err != nil {
			return err
		}
		j.ID = id
		if err := tx.audit("create", "job", id, ""); err != nil {
			return err
		}
		return tx.reviewJob(&j)
	})
	return e, j, err
}

// UpdateJob saves an open job's details; the head-count cannot drop below those already dispatched.
func (s *Store) UpdateJob(ctx context.Context, staff int64, j Job) (Job, error) {
	if err := j.Validate(s.now()); err != nil {
		return j, err
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		cur, err := scanJob(tx.queryRow(`SELECT `+jobColumns+` FROM jobs WHERE id = ?`, j.ID))
		if err != nil {
			return notFound(err, "job")
		}
		if err := tx.checkRequestedWorker(j.RequestedWorkerID); err != nil {
			return err
		}
		if !cur.Open() && cur.Status != JobFilled {
			return &Error{Code: Conflict, Key: "job.closed", Detail: string(cur.Status)}
		}
		if j.Headcount < cur.Filled {
			return &Error{Code: Invalid, Key: "job.headcount_below_filled", Field: "headcount", Detail: "head-count below dispatched workers"}
		}
		j.Filled, j.Status = cur.Filled, jobStatusFor(cur.Filled, j.Headcount)
		j.UpdatedAt = tx.now
		_, err = tx.exec(`UPDATE jobs SET trade_id = ?, headcount = ?, address = ?, community_id = ?, starts_at = ?, duration_minutes = ?,
			pay_fen = ?, pay_unit = ?, requirements = ?, urgent = ?, requested_worker_id = ?, status = ?, updated_at = ? WHERE id = ?`,
			j.TradeID, j.Headcount, j.Address, nullID(j.CommunityID), j.StartsAt.Unix(), int(j.Duration/time.Minute), j.PayFen,
			string(j.PayUnit), j.Requirements, j.Urgent, nullID(j.RequestedWorkerID), string(j.Status), tx.now.Unix(), j.ID)
		if err != nil {
			return err
		}
		if err := tx.audit("update", "job", j.ID, ""); err != nil {
			return err
		}
		return tx.reviewJob(&j)
	})
	return j, err
}

// jobStatusFor is the status an open job has with filled of headcount dispatched.
func jobStatusFor(filled, headcount int) JobStatus {
	switch {
	case filled <= 0:
		return JobOpen
	case filled < headcount:
		return JobPartly
	}
	return JobFilled
}

// CloseJob cancels a job (with a reason) or closes it as expired.
func (s *Store) CloseJob(ctx context.Context, staff, id int64, status JobStatus, reason string) error {
	if status != JobCancelled && status != JobExpired {
		return &Error{Code: Invalid, Key: "job.close_status", Detail: string(status)}
	}
	reason, p := valid.Text("reason", reason, 200)
	if p != nil {
		return fieldError(p)
	}
	if status == JobCancelled && reason == "" {
		return &Error{Code: Invalid, Key: "job.reason_needed", Field: "reason", Detail: "a cancellation needs a reason"}
	}
	return s.write(ctx, staff, func(tx *Tx) error {
		var cur JobStatus
		if err := tx.queryRow(`SELECT status FROM jobs WHERE id = ?`, id).Scan(&cur); err != nil {
			return notFound(err, "job")
		}
		if cur == JobDone || cur == JobCancelled || cur == JobExpired {
			return &Error{Code: Conflict, Key: "job.closed", Detail: string(cur)}
		}
		if _, err := tx.exec(`UPDATE jobs SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?`, string(status), reason, tx.now.Unix(), id); err != nil {
			return err
		}
		return tx.audit("status:"+string(status), "job", id, reason)
	})
}

// Job reads one job.
func (s *Store) Job(ctx context.Context, id int64) (Job, error) {
	j, err := scanJob(s.db.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = ?`, id))
	if err != nil {
		return j, dbError(notFound(err, "job"), s.path)
	}
	return j, nil
}

// JobFilter picks jobs for the Jobs screen and the board; zero fields match everything.
type JobFilter struct {
	From, To   time.Time // start time range, half-open
	Statuses   []JobStatus
	EmployerID int64
	Limit      int
	Desc       bool // newest start first
}

// Jobs lists jobs by start time.
func (s *Store) Jobs(ctx context.Context, f JobFilter) ([]Job, error) {
	q := `SELECT ` + jobColumns + ` FROM jobs WHERE 1 = 1`
	var args []any
	if !f.From.IsZero() {
		q += ` AND starts_at >= ?`
		args = append(args, f.From.Unix())
	}
	if !f.To.IsZero() {
		q += ` AND starts_at < ?`
		args = append(args, f.To.Unix())
	}
	if len(f.Statuses) > 0 {
		q += ` AND status IN (` + placeholders(len(f.Statuses)) + `)`
		for _, st := range f.Statuses {
			args = append(args, string(st))
		}
	}
	if f.EmployerID != 0 {
		q += ` AND employer_id = ?`
		args = append(args, f.EmployerID)
	}
	if f.Desc {
		q += ` ORDER BY starts_at DESC, id DESC`
	} else {
		q += ` ORDER BY starts_at, id`
	}
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	return queryAll(ctx, s, scanJob, q, args...)
}

// LastJob is the employer's most recent job, used to fill in a returning caller's usual job.
func (s *Store) LastJob(ctx context.Context, employerID int64) (Job, error) {
	j, err := scanJob(s.db.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE employer_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`, employerID))
	if err != nil {
		return j, dbError(notFound(err, "job"), s.path)
	}
	return j, nil
}

// checkRequestedWorker refuses a requested worker who is not on the register.
func (t *Tx) checkRequestedWorker(id int64) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := t.queryRow(`SELECT count(*) FROM workers WHERE id = ? AND erased = 0`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return &Error{Code: Invalid, Key: "job.requested_worker", Field: "requested", Detail: fmt.Sprintf("worker %d not on the register", id)}
	}
	return nil
}

// updateEmployerIfChanged saves a known employer's details when staff corrected them.
func (t *Tx) updateEmployerIfChanged(e *Employer) error {
	cur, err := scanEmployer(t.queryRow(`SELECT `+employerColumns+` FROM employers WHERE id = ? AND erased = 0`, e.ID))
	if err != nil {
		return notFound(err, "employer")
	}
	if cur.Kind == e.Kind && cur.Name == e.Name && cur.Contact == e.Contact && cur.Phone == e.Phone &&
		cur.Address == e.Address && cur.CommunityID == e.CommunityID && cur.Notes == e.Notes {
		*e = cur
		return nil
	}
	return t.saveEmployer(e)
}

// JobListing is one line of the Jobs screen: the job with what the list shows of its employer.
type JobListing struct {
	Job
	EmployerKind  EmployerKind
	EmployerName  string
	EmployerPhone string // unmasked: screens mask it
	Flagged       bool   // the employer has unpaid wages or disputes on record
}

// JobListings lists jobs like Jobs, each with its employer's kind, name, phone and flag.
func (s *Store) JobListings(ctx context.Context, f JobFilter) ([]JobListing, error) {
	jobs, err := s.Jobs(ctx, f)
	if err != nil || len(jobs) == 0 {
		return nil, err
	}
	ids := map[int64]bool{}
	var args []any
	for _, j := range jobs {
		if !ids[j.EmployerID] {
			ids[j.EmployerID] = true
			args = append(args, j.EmployerID)
		}
	}
	type emp struct {
		kind          EmployerKind
		name, phone   string
		unpaid, dispu int
	}
	emps := map[int64]emp{}
	// in chunks: SQLite limits the number of parameters of one statement
	for start := 0; start < len(args); start += 500 {
		chunk := args[start:min(start+500, len(args))]
		rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.kind, e.name, coalesce(e.phone, ''),
			(SELECT count(*) FROM dispatches d JOIN jobs j ON j.id = d.job_id WHERE j.employer_id = e.id AND d.status = 'done' AND d.paid_fen IS NULL),
			(SELECT count(*) FROM dispatches d JOIN jobs j ON j.id = d.job_id WHERE j.employer_id = e.id AND d.disputed = 1)
			FROM employers e WHERE e.id IN (`+placeholders(len(chunk))+`)`, chunk...)
		if err != nil {
			return nil, dbError(err, s.path)
		}
		for rows.Next() {
			var id int64
			var e emp
			if err := rows.Scan(&id, &e.kind, &e.name, &e.phone, &e.unpaid, &e.dispu); err != nil {
				rows.Close()
				return nil, dbError(err, s.path)
			}
			emps[id] = e
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, dbError(err, s.path)
		}
	}
	out := make([]JobListing, len(jobs))
	for i, j := range jobs {
		e := emps[j.EmployerID]
		out[i] = JobListing{Job: j, EmployerKind: e.kind, EmployerName: e.name, EmployerPhone: e.phone, Flagged: e.unpaid > 0 || e.dispu > 0}
	}
	return out, nil
}
