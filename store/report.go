package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Figures are what happened at the station over a range of station-local days [From, To]
// (both inclusive). Each figure counts records by one timestamp, so a record belongs to
// exactly one day and the sum of a week's days is the week:
//
//   - WorkersRegistered, EmployersRegistered: workers and employers by created_at.
//   - JobsPosted, HeadcountRequested: jobs by created_at, whatever their status now
//     (a job later cancelled was still posted). PlacesFilled is the sum over those jobs of
//     their places taken by a dispatch that was not cancelled (never above the head-count);
//     FilledJobs counts those jobs with every place taken; UnfilledPlaces counts the places
//     of those jobs, not cancelled, whose start time has passed, that nobody took
//     (demand nobody could fill). FillRate is PlacesFilled / HeadcountRequested.
//   - Dispatched: dispatches by created_at (when staff dispatched the worker), except those
//     cancelled since. PriorityDispatched is those whose worker is in a priority group.
//     MedianMinutesToDispatch is the median, over the same dispatches, of minutes from the
//     job's posting to the dispatch.
//   - Completed: dispatches now done, by done_at. WagesPaidFen: paid_fen by paid_at.
//     Unpaid: dispatches done (by done_at) that have no payment recorded.
//   - NoShows and Disputes: dispatches by starts_at (the day the work was due) with status
//     no_show, or marked disputed.
//   - Visits: service visits by at; SignIns: sign-ins by their day.
//   - OpenIntoTomorrow, OpenPlaces: jobs posted by the end of To that are still open or
//     partly filled and start after To, and their places not yet taken. They read the jobs'
//     status now, so for a past day they tell what is still open today.
//
// Statuses are read as they are now; a figure for a past day can change when a dispatch
// of that day is cancelled or paid later.
type Figures struct {
	From, To                string
	WorkersRegistered       int
	WorkersByChannel        map[Channel]int
	EmployersRegistered     int
	JobsPosted              int
	HeadcountRequested      int
	PlacesFilled            int
	FilledJobs              int
	UnfilledPlaces          int
	Dispatched              int
	PriorityDispatched      int
	MedianMinutesToDispatch float64 // -1 when nothing was dispatched
	Completed               int
	WagesPaidFen            int64
	Unpaid                  int
	NoShows                 int
	Disputes                int
	Visits                  map[VisitKind]int
	SignIns                 int
	OpenIntoTomorrow        int
	OpenPlaces              int
	JobsByHour              [24]int // jobs posted, by station-local hour of posting
	ByTrade                 []AreaFigures
	ByCommunity             []AreaFigures // ID 0 is jobs without a community
}

// AreaFigures are the job and dispatch figures of one trade or one community (by the job's
// trade and community), counted as in Figures.
type AreaFigures struct {
	ID                 int64
	JobsPosted         int
	HeadcountRequested int
	PlacesFilled       int
	UnfilledPlaces     int
	Dispatched         int
	Completed          int
	WagesPaidFen       int64
}

// FillRate is PlacesFilled / HeadcountRequested.
func (f *Figures) FillRate() float64 { return Ratio(f.PlacesFilled, f.HeadcountRequested) }

// VisitsTotal is the number of service visits of every kind.
func (f *Figures) VisitsTotal() int {
	n := 0
	for _, v := range f.Visits {
		n += v
	}
	return n
}

// Ratio is part/whole, 0 when whole is 0.
func Ratio(part, whole int) float64 {
	if whole <= 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

// MinuteCount is how many dispatches took Minutes from posting.
type MinuteCount struct {
	Minutes int64
	Count   int
}

// MedianMinutes is the median of a histogram of minutes (any order); -1 when it is empty.
// With an even count it is the mean of the two middle values.
func MedianMinutes(h []MinuteCount) float64 {
	h = append([]MinuteCount(nil), h...)
	sort.Slice(h, func(i, j int) bool { return h[i].Minutes < h[j].Minutes })
	total := 0
	for _, b := range h {
		total += max(b.Count, 0)
	}
	if total == 0 {
		return -1
	}
	at := func(k int) int64 { // the k-th value, 0-based
		for _, b := range h {
			if k < b.Count {
				return b.Minutes
			}
			k -= max(b.Count, 0)
		}
		return h[len(h)-1].Minutes
	}
	if total%2 == 1 {
		return float64(at(total / 2))
	}
	return float64(at(total/2-1)+at(total/2)) / 2
}

// Mark says which way a figure moved against what it is compared with.
type Mark int

const (
	Same Mark = iota
	Up
	Down
	NoBase // nothing to compare with
)

// Compare is how cur stands against base: the difference and its mark. A base of 0 with a
// positive cur is Up; two zeros are Same.
func Compare(cur, base float64) (float64, Mark) {
	d := cur - base
	switch {
	case base < 0 || cur < 0: // a median of nothing
		return 0, NoBase
	case d > 1e-6:
		return d, Up
	case d < -1e-6:
		return d, Down
	}
	return 0, Same
}

// Average is total spread over n periods (the last 7 days' average of a daily figure).
func Average(total float64, n int) float64 {
	if n <= 0 {
		return 0
	}
	return total / float64(n)
}

// Span is the length of a summary: one day, a week (Monday to Sunday) or a calendar month.
type Span string

const (
	SpanDay   Span = "day"
	SpanWeek  Span = "week"
	SpanMonth Span = "month"
	SpanRange Span = "range" // any run of days, compared with as many days before
)

// Period is the range of dates of span that holds day (YYYY-MM-DD), shifted by n spans.
func Period(span Span, day string, n int) (from, to string, err error) {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return "", "", &Error{Code: Invalid, Key: "date.invalid", Field: "date", Detail: day}
	}
	var a, b time.Time
	switch span {
	case SpanWeek:
		a = d.AddDate(0, 0, -((int(d.Weekday())+6)%7)+7*n)
		b = a.AddDate(0, 0, 6)
	case SpanMonth:
		a = time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		b = a.AddDate(0, 1, -1)
	default:
		a = d.AddDate(0, 0, n)
		b = a
	}
	return a.Format(time.DateOnly), b.Format(time.DateOnly), nil
}

// rangeOf is the half-open Unix-seconds range of the station-local days [from, to].
func (s *Store) rangeOf(from, to string) (int64, int64, error) {
	a, _, err := s.DayRange(from)
	if err != nil {
		return 0, 0, err
	}
	_, b, err := s.DayRange(to)
	if err != nil {
		return 0, 0, err
	}
	if b.Before(a) {
		return 0, 0, &Error{Code: Invalid, Key: "report.range", Field: "to", Detail: from + " after " + to}
	}
	return a.Unix(), b.Unix(), nil
}

// DayFigures computes the figures of the station-local days [from, to] (YYYY-MM-DD).
//
// Speed (migration 0009): each dispatch carries its job's trade, community and posting time
// and its worker's priority, and the indexes that group by trade and community lead with the
// UTC day of their timestamp (t / 86400). A query limited to those days and grouped by that
// day first reads its rows in index order, so SQLite aggregates as it scans instead of sorting
// a month of rows; the per-day groups are added up here.
func (s *Store) DayFigures(ctx context.Context, from, to string) (Figures, error) {
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		return Figures{}, err
	}
	f := Figures{From: from, To: to, WorkersByChannel: map[Channel]int{}, Visits: map[VisitKind]int{}}
	// Two readers share the work (each on its own connection); each sets its own fields of
	// f and keeps its own split by trade and community, added together at the end.
	var areas [2][2]map[int64]*AreaFigures
	for i := range areas {
		areas[i] = [2]map[int64]*AreaFigures{{}, {}}
	}
	area := func(m map[int64]*AreaFigures, id int64) *AreaFigures {
		x := m[id]
		if x == nil {
			x = &AreaFigures{ID: id}
			m[id] = x
		}
		return x
	}
	now := s.now().Unix()
	da, db := dayBucket(a), dayBucket(b-1)
	var waits []MinuteCount

	err = s.inParallel(ctx, func(q *readChain) {
		trades, comms := areas[0][0], areas[0][1]
		q.rows(`SELECT trade_id, coalesce(community_id, 0), count(*), sum(headcount),
			sum(CASE WHEN filled < headcount THEN filled ELSE headcount END),
			sum(CASE WHEN filled >= headcount THEN 1 ELSE 0 END),
			sum(CASE WHEN status <> 'cancelled' AND starts_at <= ? AND filled < headcount THEN headcount - filled ELSE 0 END)
		FROM jobs WHERE created_at / 86400 BETWEEN ? AND ? AND created_at >= ? AND created_at < ?
		GROUP BY created_at / 86400, trade_id, community_id`,
			[]any{now, da, db, a, b}, func(r *sql.Rows) error {
				var trade, comm int64
				var jobs, heads, places, full, unfilled int
				if err := r.Scan(&trade, &comm, &jobs, &heads, &places, &full, &unfilled); err != nil {
					return err
				}
				f.JobsPosted += jobs
				f.HeadcountRequested += heads
				f.PlacesFilled += places
				f.FilledJobs += full
				f.UnfilledPlaces += unfilled
				for _, x := range []*AreaFigures{area(trades, trade), area(comms, comm)} {
					x.JobsPosted += jobs
					x.HeadcountRequested += heads
					x.PlacesFilled += places
					x.UnfilledPlaces += unfilled
				}
				return nil
			})
		q.rows(`SELECT created_at / 3600, count(*) FROM jobs WHERE created_at >= ? AND created_at < ? GROUP BY created_at / 3600`,
			[]any{a, b}, func(r *sql.Rows) error {
				var hour int64
				var n int
				if err := r.Scan(&hour, &n); err != nil {
					return err
				}
				f.JobsByHour[time.Unix(hour*3600, 0).In(s.loc).Hour()] += n
				return nil
			})
		q.rows(`SELECT job_trade_id, job_community_id, count(*), sum(CASE WHEN paid_at IS NULL THEN 1 ELSE 0 END)
		FROM dispatches WHERE status = 'done' AND done_at / 86400 BETWEEN ? AND ? AND done_at >= ? AND done_at < ?
		GROUP BY done_at / 86400, job_trade_id, job_community_id`,
			[]any{da, db, a, b}, func(r *sql.Rows) error {
				var trade, comm int64
				var n, unpaid int
				if err := r.Scan(&trade, &comm, &n, &unpaid); err != nil {
					return err
				}
				f.Completed += n
				f.Unpaid += unpaid
				area(trades, trade).Completed += n
				area(comms, comm).Completed += n
				return nil
			})
		q.rows(`SELECT job_trade_id, job_community_id, sum(paid_fen)
		FROM dispatches WHERE paid_at / 86400 BETWEEN ? AND ? AND paid_at >= ? AND paid_at < ? AND paid_fen IS NOT NULL
		GROUP BY paid_at / 86400, job_trade_id, job_community_id`,
			[]any{da, db, a, b}, func(r *sql.Rows) error {
				var trade, comm, fen int64
				if err := r.Scan(&trade, &comm, &fen); err != nil {
					return err
				}
				f.WagesPaidFen += fen
				area(trades, trade).WagesPaidFen += fen
				area(comms, comm).WagesPaidFen += fen
				return nil
			})
	}, func(q *readChain) {
		trades, comms := areas[1][0], areas[1][1]
		s.commonFigures(q, &f, a, b)
		q.rows(`SELECT job_trade_id, job_community_id, count(*), sum(worker_priority)
		FROM dispatches WHERE created_at / 86400 BETWEEN ? AND ? AND created_at >= ? AND created_at < ? AND status <> 'cancelled'
		GROUP BY created_at / 86400, job_trade_id, job_community_id`,
			[]any{da, db, a, b}, func(r *sql.Rows) error {
				var trade, comm int64
				var n, prio int
				if err := r.Scan(&trade, &comm, &n, &prio); err != nil {
					return err
				}
				f.Dispatched += n
				f.PriorityDispatched += prio
				area(trades, trade).Dispatched += n
				area(comms, comm).Dispatched += n
				return nil
			})
		s.waitHistogram(q, a, b, 0, func(minutes int64, n, _ int) { waits = append(waits, MinuteCount{minutes, n}) })
		q.row(`SELECT coalesce(sum(CASE WHEN status = 'no_show' THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN disputed <> 0 THEN 1 ELSE 0 END), 0)
		FROM dispatches WHERE starts_at >= ? AND starts_at < ?`, []any{a, b}, &f.NoShows, &f.Disputes)
		s.openFigures(q, &f, b)
	})
	if err != nil {
		return Figures{}, err
	}
	f.MedianMinutesToDispatch = MedianMinutes(waits)
	f.ByTrade = sortedAreas(areas[0][0], areas[1][0])
	f.ByCommunity = sortedAreas(areas[0][1], areas[1][1])
	return f, nil
}

// inParallel runs each group of queries on its own connection at the same time and
// returns the first error.
func (s *Store) inParallel(ctx context.Context, groups ...func(q *readChain)) error {
	errs := make([]error, len(groups))
	var wg sync.WaitGroup
	for i, g := range groups {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := &readChain{s: s, ctx: ctx}
			g(q)
			errs[i] = q.err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return dbError(err, s.path)
		}
	}
	return nil
}

// dayBucket is the UTC day number the grouping indexes of migration 0009 lead with.
func dayBucket(unix int64) int64 { return unix / 86400 }

// weekBucket is the UTC week number the index of minutes to dispatch leads with.
func weekBucket(unix int64) int64 { return unix / 604800 }

// commonFigures adds the figures that are counted the same way for a full period and for
// the totals of periods compared with: registrations, visits and sign-ins.
func (s *Store) commonFigures(q *readChain, f *Figures, a, b int64) {
	q.rows(`SELECT channel, count(*) FROM workers WHERE created_at >= ? AND created_at < ? GROUP BY channel`,
		[]any{a, b}, func(r *sql.Rows) error {
			var ch Channel
			var n int
			if err := r.Scan(&ch, &n); err != nil {
				return err
			}
			f.WorkersByChannel[ch] += n
			f.WorkersRegistered += n
			return nil
		})
	q.row(`SELECT count(*) FROM employers WHERE created_at >= ? AND created_at < ?`, []any{a, b}, &f.EmployersRegistered)
	q.rows(`SELECT kind, count(*) FROM service_visits WHERE at >= ? AND at < ? GROUP BY kind`,
		[]any{a, b}, func(r *sql.Rows) error {
			var kind VisitKind
			var n int
			if err := r.Scan(&kind, &n); err != nil {
				return err
			}
			f.Visits[kind] += n
			return nil
		})
	q.row(`SELECT count(*) FROM sign_ins WHERE day >= ? AND day <= ?`, []any{f.From, f.To}, &f.SignIns)
}

// openFigures counts the jobs still open into the day after the range ending at b.
func (s *Store) openFigures(q *readChain, f *Figures, b int64) {
	q.row(`SELECT count(*), coalesce(sum(headcount - filled), 0) FROM jobs
		WHERE status IN ('open', 'partly') AND starts_at >= ? AND created_at < ?`, []any{b, b}, &f.OpenIntoTomorrow, &f.OpenPlaces)
}

// waitHistogram calls fn with each count of minutes from posting to dispatch over the
// dispatches made in [a, b), and how many of them were made at or after mid. The index
// leads with the UTC week, so a year's range is read in order and never sorted whole.
func (s *Store) waitHistogram(q *readChain, a, b, mid int64, fn func(minutes int64, n, fromMid int)) {
	// The outer GROUP BY sorts the weeks' few thousand groups in SQLite, cheaper than
	// handing every week's groups to Go.
	q.rows(`SELECT m, sum(n), sum(late) FROM (
			SELECT (created_at - job_posted_at) / 60 AS m, count(*) AS n, sum(CASE WHEN created_at >= ? THEN 1 ELSE 0 END) AS late
			FROM dispatches WHERE created_at / 604800 BETWEEN ? AND ? AND created_at >= ? AND created_at < ? AND status <> 'cancelled'
			GROUP BY created_at / 604800, (created_at - job_posted_at) / 60)
		GROUP BY m`,
		[]any{mid, weekBucket(a), weekBucket(b - 1), a, b}, func(r *sql.Rows) error {
			var minutes int64
			var n, late int
			if err := r.Scan(&minutes, &n, &late); err != nil {
				return err
			}
			fn(minutes, n, late)
			return nil
		})
}

// comparedFigures computes the figures the summary compares a period with, in one pass
// over the days [from, to]: all of them (the 7 periods before) and those from mid on (the
// period just before). They hold every figure but the splits by trade, community and hour
// (ByTrade, ByCommunity, JobsByHour), which only the period itself shows.
func (s *Store) comparedFigures(ctx context.Context, from, mid, to string) (whole, tail Figures, err error) {
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		return whole, tail, err
	}
	m, _, err := s.DayRange(mid)
	if err != nil {
		return whole, tail, err
	}
	c := m.Unix()
	whole = Figures{From: from, To: to, WorkersByChannel: map[Channel]int{}, Visits: map[VisitKind]int{}}
	tail = Figures{From: mid, To: to, WorkersByChannel: map[Channel]int{}, Visits: map[VisitKind]int{}}
	now := s.now().Unix()
	var jobs, heads, places, full, unfilled, disp, prio, done, unpaid, noShows, disputes [2]int
	var fen [2]int64
	var waits [2][]MinuteCount
	// Each query reads the whole range once and sums its rows twice: all, and from mid on.
	const late = `CASE WHEN %s >= ? THEN %s ELSE 0 END`
	both := func(col, val string) string {
		return `sum(` + val + `), sum(` + fmt.Sprintf(late, col, val) + `)`
	}
	err = s.inParallel(ctx, func(q *readChain) {
		s.commonFigures(q, &whole, a, b)
		s.commonFigures(q, &tail, c, b)
		q.row(`SELECT `+both("created_at", "1")+`, `+both("created_at", "headcount")+`,
			`+both("created_at", "CASE WHEN filled < headcount THEN filled ELSE headcount END")+`,
			`+both("created_at", "CASE WHEN filled >= headcount THEN 1 ELSE 0 END")+`,
			`+both("created_at", "CASE WHEN status <> 'cancelled' AND starts_at <= "+fmt.Sprint(now)+" AND filled < headcount THEN headcount - filled ELSE 0 END")+`
		FROM jobs WHERE created_at / 86400 BETWEEN ? AND ? AND created_at >= ? AND created_at < ?`,
			[]any{c, c, c, c, c, dayBucket(a), dayBucket(b - 1), a, b},
			nullInts(&jobs[0], &jobs[1], &heads[0], &heads[1], &places[0], &places[1], &full[0], &full[1], &unfilled[0], &unfilled[1])...)
		q.row(`SELECT `+both("done_at", "1")+`, `+both("done_at", "CASE WHEN paid_at IS NULL THEN 1 ELSE 0 END")+`
		FROM dispatches WHERE status = 'done' AND done_at / 86400 BETWEEN ? AND ? AND done_at >= ? AND done_at < ?`,
			[]any{c, c, dayBucket(a), dayBucket(b - 1), a, b}, nullInts(&done[0], &done[1], &unpaid[0], &unpaid[1])...)
		q.row(`SELECT coalesce(sum(paid_fen), 0), coalesce(sum(`+fmt.Sprintf(late, "paid_at", "paid_fen")+`), 0)
		FROM dispatches WHERE paid_at / 86400 BETWEEN ? AND ? AND paid_at >= ? AND paid_at < ? AND paid_fen IS NOT NULL`,
			[]any{c, dayBucket(a), dayBucket(b - 1), a, b}, &fen[0], &fen[1])
	}, func(q *readChain) {
		q.row(`SELECT `+both("created_at", "1")+`, `+both("created_at", "worker_priority")+`
		FROM dispatches WHERE created_at >= ? AND created_at < ? AND status <> 'cancelled'`,
			[]any{c, c, a, b}, nullInts(&disp[0], &disp[1], &prio[0], &prio[1])...)
		q.row(`SELECT `+both("starts_at", "CASE WHEN status = 'no_show' THEN 1 ELSE 0 END")+`, `+both("starts_at", "CASE WHEN disputed <> 0 THEN 1 ELSE 0 END")+`
		FROM dispatches WHERE starts_at >= ? AND starts_at < ?`,
			[]any{c, c, a, b}, nullInts(&noShows[0], &noShows[1], &disputes[0], &disputes[1])...)
		s.waitHistogram(q, a, b, c, func(minutes int64, n, fromMid int) {
			waits[0] = append(waits[0], MinuteCount{minutes, n})
			if fromMid > 0 {
				waits[1] = append(waits[1], MinuteCount{minutes, fromMid})
			}
		})
		s.openFigures(q, &whole, b)
	})
	if err != nil {
		return whole, tail, err
	}
	tail.OpenIntoTomorrow, tail.OpenPlaces = whole.OpenIntoTomorrow, whole.OpenPlaces
	for i, f := range []*Figures{&whole, &tail} {
		f.JobsPosted, f.HeadcountRequested, f.PlacesFilled, f.FilledJobs, f.UnfilledPlaces = jobs[i], heads[i], places[i], full[i], unfilled[i]
		f.Dispatched, f.PriorityDispatched, f.Completed, f.Unpaid, f.WagesPaidFen = disp[i], prio[i], done[i], unpaid[i], fen[i]
		f.NoShows, f.Disputes = noShows[i], disputes[i]
		f.MedianMinutesToDispatch = MedianMinutes(waits[i])
	}
	return whole, tail, nil
}

// nullInts scans sums that are NULL over no rows as 0.
func nullInts(dest ...*int) []any {
	out := make([]any, len(dest))
	for i, d := range dest {
		out[i] = &nullInt0{d}
	}
	return out
}

type nullInt0 struct{ p *int }

func (n *nullInt0) Scan(v any) error {
	var x sql.NullInt64
	if err := x.Scan(v); err != nil {
		return err
	}
	*n.p = int(x.Int64)
	return nil
}

// sortedAreas adds up the splits of each part, by ID.
func sortedAreas(parts ...map[int64]*AreaFigures) []AreaFigures {
	sum := map[int64]*AreaFigures{}
	for _, m := range parts {
		for id, x := range m {
			t := sum[id]
			if t == nil {
				t = &AreaFigures{ID: id}
				sum[id] = t
			}
			t.JobsPosted += x.JobsPosted
			t.HeadcountRequested += x.HeadcountRequested
			t.PlacesFilled += x.PlacesFilled
			t.UnfilledPlaces += x.UnfilledPlaces
			t.Dispatched += x.Dispatched
			t.Completed += x.Completed
			t.WagesPaidFen += x.WagesPaidFen
		}
	}
	out := make([]AreaFigures, 0, len(sum))
	for _, x := range sum {
		out = append(out, *x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// DayCount is one station-local day's count.
type DayCount struct {
	Day   string
	Count int
}

// DailyDispatches counts Dispatched (as in Figures) for each day of [from, to], zero days included.
// One count per day reads just that day of the covering index; grouping the whole range by
// hour would sort every dispatch of the month.
func (s *Store) DailyDispatches(ctx context.Context, from, to string) ([]DayCount, error) {
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		return nil, err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer conn.Close()
	stmt, err := conn.PrepareContext(ctx, `SELECT count(*) FROM dispatches WHERE created_at >= ? AND created_at < ? AND status <> 'cancelled'`)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer stmt.Close()
	var out []DayCount
	for d := time.Unix(a, 0).In(s.loc); d.Unix() < b; d = d.AddDate(0, 0, 1) {
		dc := DayCount{Day: d.Format(time.DateOnly)}
		if err := stmt.QueryRowContext(ctx, d.Unix(), d.AddDate(0, 0, 1).Unix()).Scan(&dc.Count); err != nil {
			return nil, dbError(err, s.path)
		}
		out = append(out, dc)
	}
	return out, nil
}

// OpenJob is a job still open into the next day, for the list to act on.
type OpenJob struct {
	JobID       int64
	TradeID     int64
	CommunityID int64
	Employer    string
	StartsAt    time.Time
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
	q.rows(`SELECT j.id, j.trade_id, coalesce(j.community_id, 0), e.name, j.starts_at, j.headcount, j.filled, j.urgent
		FROM jobs j JOIN employers e ON e.id = j.employer_id
		WHERE j.status IN ('open', 'partly') AND j.starts_at >= ? AND j.created_at < ?
		ORDER BY j.starts_at, j.id LIMIT ?`, []any{b.Unix(), b.Unix(), limit}, func(r *sql.Rows) error {
		var o OpenJob
		var starts int64
		if err := r.Scan(&o.JobID, &o.TradeID, &o.CommunityID, &o.Employer, &starts, &o.Headcount, &o.Filled, &o.Urgent); err != nil {
			return err
		}
		o.StartsAt = time.Unix(starts, 0)
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
	q.rows(cols+`WHERE d.done_at >= ? AND d.done_at < ? AND d.status = 'done' AND d.paid_at IS NULL ORDER BY d.starts_at, d.id LIMIT ?`,
		[]any{a, b, limit}, scan(IssueUnpaid))
	return out, dbError(q.err, s.path)
}

// Summary is everything the end-of-day screen and the reports show for one period.
type Summary struct {
	Span   Span
	Day    string  // the day the period was chosen by
	Cur    Figures // the period
	Prev   Figures // the period before (yesterday, last week, last month); no splits by trade, community or hour
	Last7  Figures // the 7 periods before Cur, together (divide by 7 for the average); no splits either
	Trend  []DayCount
	Open   []OpenJob
	Issues []Issue
	Now    time.Time
}

// TrendDays is how many days the dispatch sparkline covers.
const TrendDays = 30

// ListLimit caps each list to act on.
const ListLimit = 200

// Summary gathers the period of span holding day, with what it is compared to and its lists.
func (s *Store) Summary(ctx context.Context, span Span, day string) (Summary, error) {
	from, to, err := Period(span, day, 0)
	if err != nil {
		return Summary{Span: span, Day: day}, err
	}
	pf, pt, _ := Period(span, day, -1)
	lf, _, _ := Period(span, day, -7)
	return s.summarize(ctx, Summary{Span: span, Day: day}, [3][2]string{{from, to}, {pf, pt}, {lf, pt}})
}

// SummaryRange gathers the days [from, to], compared with the same number of days just
// before and with the 7 such ranges before it (a report asked for with --date and --to).
func (s *Store) SummaryRange(ctx context.Context, from, to string) (Summary, error) {
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		return Summary{Span: SpanRange, Day: from}, err
	}
	n := int((b - a + 43200) / 86400) // whole days, DST-proof
	pf, _, _ := Period(SpanDay, from, -n)
	pt, _, _ := Period(SpanDay, from, -1)
	lf, _, _ := Period(SpanDay, from, -7*n)
	span := SpanRange
	if n == 1 {
		span = SpanDay
	}
	return s.summarize(ctx, Summary{Span: span, Day: from}, [3][2]string{{from, to}, {pf, pt}, {lf, pt}})
}

func (s *Store) summarize(ctx context.Context, sum Summary, r [3][2]string) (Summary, error) {
	var err error
	sum.Now = s.Now()
	if sum.Cur, err = s.DayFigures(ctx, r[0][0], r[0][1]); err != nil {
		return sum, err
	}
	// The period before ends where the 7 before end: one pass gives both.
	if sum.Last7, sum.Prev, err = s.comparedFigures(ctx, r[2][0], r[1][0], r[2][1]); err != nil {
		return sum, err
	}
	to := r[0][1]
	tf, _, _ := Period(SpanDay, to, -(TrendDays - 1))
	if sum.Trend, err = s.DailyDispatches(ctx, tf, to); err != nil {
		return sum, err
	}
	if sum.Open, err = s.OpenJobs(ctx, to, ListLimit); err != nil {
		return sum, err
	}
	sum.Issues, err = s.Issues(ctx, r[0][0], to, ListLimit)
	return sum, err
}
