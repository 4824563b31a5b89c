package store

import (
	"context"
	"time"
)

// The door screen's data. Everything here is public by construction: the types have no field
// that could hold a name, a phone number, an ID number or a street address, so nothing
// personal can reach the screen by accident.

// PublicJob is an open job as anyone at the door may see it.
type PublicJob struct {
	ID           int64
	TradeID      int64
	CommunityID  int64
	EmployerKind EmployerKind // resident, shop or firm: never who
	Headcount    int
	Filled       int
	StartsAt     time.Time
	Duration     time.Duration
	PayFen       int64
	PayUnit      PayUnit
	Urgent       bool
}

// Wanted is how many more workers the job needs.
func (j PublicJob) Wanted() int { return max(j.Headcount-j.Filled, 0) }

// PublicFill is a job that was filled today, for the door screen's ticker.
type PublicFill struct {
	JobID        int64
	TradeID      int64
	CommunityID  int64
	EmployerKind EmployerKind
	Headcount    int
	FilledAt     time.Time
}

// PublicBoard is everything the door screen shows.
type PublicBoard struct {
	StationName  string
	StationPhone string
	Jobs         []PublicJob  // open and partly filled, not yet over, by start time then urgency
	FilledToday  int          // jobs whose last worker was dispatched today
	JustFilled   []PublicFill // the most recent of those, newest first
}

// MaxPublicJobs caps the door screen's list: a few minutes of paging, not the whole backlog.
const MaxPublicJobs = 500

// justFilledShown is how many of today's filled jobs the ticker runs through.
const justFilledShown = 12

// PublicBoard reads the door screen's data as of now.
func (s *Store) PublicBoard(ctx context.Context) (PublicBoard, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return PublicBoard{}, err
	}
	b := PublicBoard{StationName: st.StationName, StationPhone: st.Phone}
	if b.Jobs, err = s.PublicJobs(ctx, MaxPublicJobs); err != nil {
		return b, err
	}
	fills, err := s.FilledToday(ctx)
	if err != nil {
		return b, err
	}
	b.FilledToday = len(fills)
	b.JustFilled = fills[:min(len(fills), justFilledShown)]
	return b, nil
}

// PublicJobs lists open and partly filled jobs that have not ended and are still valid,
// by start time, urgent first at the same time; limit 0 means no limit.
func (s *Store) PublicJobs(ctx context.Context, limit int) ([]PublicJob, error) {
	now := s.now().Unix()
	q := `SELECT j.id, j.trade_id, coalesce(j.community_id, 0), e.kind, j.headcount, j.filled, j.starts_at,
			j.duration_minutes, j.pay_fen, j.pay_unit, j.urgent
		FROM jobs j JOIN employers e ON e.id = j.employer_id
		WHERE j.status IN ('open', 'partly') AND j.starts_at + j.duration_minutes * 60 > ?
			AND (j.valid_until IS NULL OR j.valid_until > ?)
		ORDER BY j.starts_at, j.urgent DESC, j.id`
	args := []any{now, now}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	return queryAll(ctx, s, scanPublicJob, q, args...)
}

// FilledToday lists the jobs filled today (the station's local day), newest first. A job's
// fill time is its last standing dispatch; only today's dispatches are read (by index).
func (s *Store) FilledToday(ctx context.Context) ([]PublicFill, error) {
	from, to, err := s.DayRange(s.Today())
	if err != nil {
		return nil, err
	}
	return queryAll(ctx, s, scanPublicFill, `SELECT j.id, j.trade_id, coalesce(j.community_id, 0), e.kind, j.headcount, max(d.created_at)
		FROM dispatches d JOIN jobs j ON j.id = d.job_id JOIN employers e ON e.id = j.employer_id
		WHERE d.created_at >= ? AND d.created_at < ? AND d.status <> 'cancelled'
			AND j.status IN ('filled', 'in_progress', 'done')
		GROUP BY j.id, j.trade_id, j.community_id, e.kind, j.headcount
		ORDER BY max(d.created_at) DESC, j.id DESC`, from.Unix(), to.Unix())
}

func scanPublicJob(sc scanner) (PublicJob, error) {
	var j PublicJob
	var starts int64
	var minutes int
	if err := sc.Scan(&j.ID, &j.TradeID, &j.CommunityID, &j.EmployerKind, &j.Headcount, &j.Filled, &starts,
		&minutes, &j.PayFen, &j.PayUnit, &j.Urgent); err != nil {
		return j, err
	}
	j.StartsAt, j.Duration = time.Unix(starts, 0), time.Duration(minutes)*time.Minute
	return j, nil
}

func scanPublicFill(sc scanner) (PublicFill, error) {
	var f PublicFill
	var at int64
	if err := sc.Scan(&f.JobID, &f.TradeID, &f.CommunityID, &f.EmployerKind, &f.Headcount, &at); err != nil {
		return f, err
	}
	f.FilledAt = time.Unix(at, 0)
	return f, nil
}
