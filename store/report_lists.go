package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// DayCount is one station-local day's count.
type DayCount struct {
	Day   string
	Count int
}

// DailyDispatches counts Dispatched (as in Figures) for each day of [from, to], zero days included.
// A day that is over is read from its kept totals (report_daycache.go), counted and kept when it
// has none yet; the others (today) are counted live.
func (s *Store) DailyDispatches(ctx context.Context, from, to string) ([]DayCount, error) {
	days, err := s.daysOf(from, to)
	if err != nil || len(days) == 0 {
		return nil, err
	}
	start, _, err := s.DayRange(s.DayOf(s.now()))
	if err != nil {
		return nil, err
	}
	var over, live []day
	for _, d := range days {
		if d.b <= start.Unix() {
			over = append(over, d)
		} else {
			live = append(live, d)
		}
	}
	counts := map[int64]int{}
	kept, ok, err := s.dayTotalsOf(ctx, over, TrendDays+1, false)
	if err != nil {
		return nil, err
	}
	if ok {
		for a, t := range kept {
			counts[a] = t.Dispatched
		}
	} else {
		live = days
	}
	if err := s.liveDispatches(ctx, live, counts); err != nil {
		return nil, err
	}
	out := make([]DayCount, len(days))
	for i, d := range days {
		out[i] = DayCount{Day: s.DayOf(time.Unix(d.a, 0)), Count: counts[d.a]}
	}
	return out, nil
}

// liveDispatches counts each day's dispatches made less the cancelled ones among them into
// counts: two plain counts of an index range (migration 0016), cheaper than testing the status
// of every dispatch of the day. The days' bounds go in as one list, so a month is one statement
// and one round trip to a PostgreSQL server (thirty of each per day were a third of the
// Summary's time there).
func (s *Store) liveDispatches(ctx context.Context, days []day, counts map[int64]int) error {
	if len(days) == 0 {
		return nil
	}
	var bounds []string
	var args []any
	for _, d := range days {
		bounds = append(bounds, "(CAST(? AS BIGINT), CAST(? AS BIGINT))")
		args = append(args, d.a, d.b)
	}
	q := `WITH days (lo, hi) AS (VALUES ` + strings.Join(bounds, ", ") + `)
		SELECT lo,
			(SELECT count(*) FROM dispatches WHERE created_at >= lo AND created_at < hi),
			(SELECT count(*) FROM dispatches INDEXED BY dispatches_cancelled WHERE status = 'cancelled' AND created_at >= lo AND created_at < hi)
		FROM days ORDER BY lo`
	type dayRow struct {
		lo, made, cancelled int64
	}
	rows, err := queryAll(ctx, s, func(r scanner) (dayRow, error) {
		var d dayRow
		err := r.Scan(&d.lo, &d.made, &d.cancelled)
		return d, err
	}, q, args...)
	for _, r := range rows {
		counts[r.lo] = int(r.made - r.cancelled)
	}
	return err
}

// OpenJob is a job still open into the next day, for the list to act on.
type OpenJob struct {
	JobID       int64
	TradeID     int64
	CommunityID int64
	Employer    string
	StartsAt    time.Time
	Duration    time.Duration
	Headcount   int
	Filled      int
	Urgent      bool
}

// OpenJobs lists up to limit jobs counted in Figures.OpenIntoTomorrow for the range ending
// on to, soonest first.
func (s *Store) OpenJobs(ctx context.Context, to string, limit int) ([]OpenJob, error) {
	_, b, err := s.DayRange(to)
	if err != nil {
		return nil, err
	}
	var out []OpenJob
	q := &readChain{s: s, ctx: ctx}
	q.rows(`SELECT j.id, j.trade_id, coalesce(j.community_id, 0), e.name, j.starts_at, j.duration_minutes, j.headcount, j.filled, j.urgent
		FROM jobs j JOIN employers e ON e.id = j.employer_id
		WHERE j.status IN ('open', 'partly') AND j.starts_at >= ? AND j.created_at < ?
		ORDER BY j.starts_at, j.id LIMIT ?`, []any{b.Unix(), b.Unix(), limit}, func(r *sql.Rows) error {
		var o OpenJob
		var starts, minutes int64
		if err := r.Scan(&o.JobID, &o.TradeID, &o.CommunityID, &o.Employer, &starts, &minutes, &o.Headcount, &o.Filled, &o.Urgent); err != nil {
			return err
		}
		o.StartsAt, o.Duration = time.Unix(starts, 0), time.Duration(minutes)*time.Minute
		out = append(out, o)
		return nil
	})
	return out, dbError(q.err, s.path)
}

// IssueKind is why a dispatch needs the station head's attention.
type IssueKind string

const (
	IssueNoShow  IssueKind = "no_show"
	IssueDispute IssueKind = "dispute"
	IssueUnpaid  IssueKind = "unpaid"
)

// Issue is one dispatch to act on: a no-show, a dispute or wages not paid.
type Issue struct {
	Kind         IssueKind
	DispatchID   int64
	JobID        int64
	TradeID      int64
	Worker       string
	Employer     string
	StartsAt     time.Time
	AgreedPayFen int64
	PaidFen      int64
	Resolved     bool // a dispute marked resolved
	Note         string
}

// Issues lists up to limit each of the range's no-shows and disputes (by start) and done
// work without payment (by done_at), the same dispatches Figures counts.
func (s *Store) Issues(ctx context.Context, from, to string, limit int) ([]Issue, error) {
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		return nil, err
	}
	var out []Issue
	q := &readChain{s: s, ctx: ctx}
	scan := func(kind IssueKind) func(*sql.Rows) error {
		return func(r *sql.Rows) error {
			is := Issue{Kind: kind}
			var starts int64
			var paid sql.NullInt64
			var resolved sql.NullInt64
			if err := r.Scan(&is.DispatchID, &is.JobID, &is.TradeID, &is.Worker, &is.Employer, &starts, &is.AgreedPayFen,
				&paid, &resolved, &is.Note); err != nil {
				return err
			}
			is.StartsAt, is.PaidFen, is.Resolved = time.Unix(starts, 0), paid.Int64, resolved.Valid
			out = append(out, is)
			return nil
		}
	}
	const cols = `SELECT d.id, d.job_id, j.trade_id, w.name, e.name, d.starts_at, d.agreed_pay_fen, d.paid_fen, d.dispute_resolved_at, d.dispute_note
		FROM dispatches d JOIN jobs j ON j.id = d.job_id JOIN workers w ON w.id = d.worker_id JOIN employers e ON e.id = j.employer_id `
	q.rows(cols+`WHERE d.starts_at >= ? AND d.starts_at < ? AND d.status = 'no_show' ORDER BY d.starts_at, d.id LIMIT ?`,
		[]any{a, b, limit}, scan(IssueNoShow))
	q.rows(cols+`WHERE d.starts_at >= ? AND d.starts_at < ? AND d.disputed <> 0 ORDER BY d.starts_at, d.id LIMIT ?`,
		[]any{a, b, limit}, scan(IssueDispute))
	q.rows(strings.Replace(cols, "dispatches d", "dispatches d INDEXED BY dispatches_unpaid", 1)+
		`WHERE d.done_at >= ? AND d.done_at < ? AND d.status = 'done' AND d.paid_at IS NULL ORDER BY d.starts_at, d.id LIMIT ?`,
		[]any{a, b, limit}, scan(IssueUnpaid))
	return out, dbError(q.err, s.path)
}
