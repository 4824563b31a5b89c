package store

import (
	"context"
	"database/sql"
	"sort"
	"sync"
	"time"
)

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
	r := dayRange{a: a, b: b, da: dayBucket(a), db: dayBucket(b - 1)}
	now := s.now().Unix()
	// Two readers share the work (each on its own connection); each sets its own fields of
	// f and keeps its own split by trade and community, added together at the end.
	jobSplit, dispatchSplit := newAreaSplit(), newAreaSplit()
	var waits []MinuteCount
	err = s.inParallel(ctx, func(q *readChain) {
		s.postedFigures(q, &f, r, now, jobSplit)
		s.postedByHour(q, &f, r)
		completedFigures(q, &f, r, jobSplit)
		wageFigures(q, &f, r, jobSplit)
	}, func(q *readChain) {
		s.commonFigures(q, &f, a, b)
		dispatchedFigures(q, &f, r, dispatchSplit)
		s.waitHistogram(q, a, b, 0, func(minutes int64, n, _ int) { waits = append(waits, MinuteCount{minutes, n}) })
		// plain counts of index ranges, as the comparison makes them (report_compare.go)
		q.row(`SELECT count(*) FROM dispatches WHERE status = 'no_show' AND starts_at >= ? AND starts_at < ?`, []any{a, b}, &f.NoShows)
		q.row(`SELECT count(*) FROM dispatches INDEXED BY dispatches_disputed WHERE disputed <> 0 AND starts_at >= ? AND starts_at < ?`, []any{a, b}, &f.Disputes)
		s.openFigures(q, &f, b)
	})
	if err != nil {
		return Figures{}, err
	}
	f.MedianMinutesToDispatch = MedianMinutes(waits)
	f.ByTrade = sortedAreas(jobSplit.trades, dispatchSplit.trades)
	f.ByCommunity = sortedAreas(jobSplit.communities, dispatchSplit.communities)
	return f, nil
}

// dayRange is the half-open Unix range [a, b) of some station-local days, and the UTC day
// numbers [da, db] the grouping indexes lead with.
type dayRange struct{ a, b, da, db int64 }

// areaSplit is one reader's figures by trade and by community.
type areaSplit struct{ trades, communities map[int64]*AreaFigures }

func newAreaSplit() areaSplit {
	return areaSplit{trades: map[int64]*AreaFigures{}, communities: map[int64]*AreaFigures{}}
}

// add applies fn to the figures of the trade and of the community.
func (sp areaSplit) add(trade, community int64, fn func(*AreaFigures)) {
	for _, x := range []*AreaFigures{areaOf(sp.trades, trade), areaOf(sp.communities, community)} {
		fn(x)
	}
}

func areaOf(m map[int64]*AreaFigures, id int64) *AreaFigures {
	x := m[id]
	if x == nil {
		x = &AreaFigures{ID: id}
		m[id] = x
	}
	return x
}

// postedJobs is the figures of the jobs posted in a range. The places a worker's dispatch
// holds are the job's filled count, which a dispatch raises and a cancellation or a no-show
// lowers again (MarkNoShow, Cancel). The first argument is now, for places whose start has
// passed; then the UTC days and the range of posting. groupBy, when not empty, splits the sums.
func postedJobs(cols, groupBy string) string {
	q := `SELECT ` + cols + `count(*), coalesce(sum(headcount), 0),
			coalesce(sum(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END), 0),
			coalesce(sum(CASE WHEN status = 'cancelled' THEN headcount ELSE 0 END), 0),
			coalesce(sum(CASE WHEN status = 'cancelled' THEN 0 WHEN filled < headcount THEN filled ELSE headcount END), 0),
			coalesce(sum(CASE WHEN status <> 'cancelled' AND filled >= headcount THEN 1 ELSE 0 END), 0),
			coalesce(sum(CASE WHEN status <> 'cancelled' AND starts_at <= ? AND filled < headcount THEN headcount - filled ELSE 0 END), 0)
		FROM jobs WHERE created_at / 86400 BETWEEN ? AND ? AND created_at >= ? AND created_at < ?`
	if groupBy != "" {
		q += ` GROUP BY ` + groupBy
	}
	return q
}

// jobCounts are the sums of postedJobs: jobs posted, all their head-count, those cancelled
// since and their head-count, the places held, the jobs with every place held, and the
// places nobody holds whose start has passed.
type jobCounts struct{ jobs, heads, cancelled, cancelledPlaces, held, full, missed int }

func (c *jobCounts) dest() []any {
	return []any{&c.jobs, &c.heads, &c.cancelled, &c.cancelledPlaces, &c.held, &c.full, &c.missed}
}

// set puts the counts into f: places asked are the head-count of the jobs not cancelled, and
// they are filled or unfilled (asked = filled + unfilled).
func (c jobCounts) set(f *Figures) {
	f.JobsPosted, f.HeadcountRequested, f.CancelledJobs, f.CancelledPlaces = c.jobs, c.heads, c.cancelled, c.cancelledPlaces
	f.PlacesAsked, f.PlacesFilled, f.FilledJobs, f.MissedPlaces = c.heads-c.cancelledPlaces, c.held, c.full, c.missed
	f.UnfilledPlaces = f.PlacesAsked - f.PlacesFilled
}

// add puts the counts into an area's figures.
func (c jobCounts) add(x *AreaFigures) {
	x.JobsPosted += c.jobs
	x.HeadcountRequested += c.heads
	x.PlacesAsked += c.heads - c.cancelledPlaces
	x.PlacesFilled += c.held
	x.UnfilledPlaces += c.heads - c.cancelledPlaces - c.held
	x.MissedPlaces += c.missed
}

// postedFigures counts the jobs posted in r, their places asked, filled and unfilled, and
// those cancelled since.
func (s *Store) postedFigures(q *readChain, f *Figures, r dayRange, now int64, sp areaSplit) {
	var total jobCounts
	q.rows(postedJobs("trade_id, coalesce(community_id, 0), ", "created_at / 86400, trade_id, community_id"),
		[]any{now, r.da, r.db, r.a, r.b}, func(rows *sql.Rows) error {
			var trade, comm int64
			var c jobCounts
			if err := rows.Scan(append([]any{&trade, &comm}, c.dest()...)...); err != nil {
				return err
			}
			total = jobCounts{total.jobs + c.jobs, total.heads + c.heads, total.cancelled + c.cancelled,
				total.cancelledPlaces + c.cancelledPlaces, total.held + c.held, total.full + c.full, total.missed + c.missed}
			sp.add(trade, comm, c.add)
			return nil
		})
	total.set(f)
}

// postedByHour counts the jobs posted in r by the station-local hour of posting.
func (s *Store) postedByHour(q *readChain, f *Figures, r dayRange) {
	q.rows(`SELECT created_at / 3600, count(*) FROM jobs WHERE created_at >= ? AND created_at < ? GROUP BY created_at / 3600`,
		[]any{r.a, r.b}, func(rows *sql.Rows) error {
			var hour int64
			var n int
			if err := rows.Scan(&hour, &n); err != nil {
				return err
			}
			f.JobsByHour[time.Unix(hour*3600, 0).In(s.loc).Hour()] += n
			return nil
		})
}

// completedFigures counts the dispatches done in r and those of them not paid.
func completedFigures(q *readChain, f *Figures, r dayRange, sp areaSplit) {
	q.rows(`SELECT job_trade_id, job_community_id, count(*), sum(CASE WHEN paid_at IS NULL THEN 1 ELSE 0 END)
		FROM dispatches WHERE status = 'done' AND done_at / 86400 BETWEEN ? AND ? AND done_at >= ? AND done_at < ?
		GROUP BY done_at / 86400, job_trade_id, job_community_id`,
		[]any{r.da, r.db, r.a, r.b}, func(rows *sql.Rows) error {
			var trade, comm int64
			var n, unpaid int
			if err := rows.Scan(&trade, &comm, &n, &unpaid); err != nil {
				return err
			}
			f.Completed += n
			f.Unpaid += unpaid
			sp.add(trade, comm, func(x *AreaFigures) { x.Completed += n })
			return nil
		})
}

// wageFigures adds up the wages paid in r.
func wageFigures(q *readChain, f *Figures, r dayRange, sp areaSplit) {
	q.rows(`SELECT job_trade_id, job_community_id, sum(paid_fen)
		FROM dispatches WHERE paid_at / 86400 BETWEEN ? AND ? AND paid_at >= ? AND paid_at < ? AND paid_fen IS NOT NULL
		GROUP BY paid_at / 86400, job_trade_id, job_community_id`,
		[]any{r.da, r.db, r.a, r.b}, func(rows *sql.Rows) error {
			var trade, comm, fen int64
			if err := rows.Scan(&trade, &comm, &fen); err != nil {
				return err
			}
			f.WagesPaidFen += fen
			sp.add(trade, comm, func(x *AreaFigures) { x.WagesPaidFen += fen })
			return nil
		})
}

// dispatchedFigures counts the dispatches made in r and not cancelled, and those of priority workers.
func dispatchedFigures(q *readChain, f *Figures, r dayRange, sp areaSplit) {
	q.rows(`SELECT job_trade_id, job_community_id, count(*), sum(worker_priority)
		FROM dispatches WHERE created_at / 86400 BETWEEN ? AND ? AND created_at >= ? AND created_at < ? AND status <> 'cancelled'
		GROUP BY created_at / 86400, job_trade_id, job_community_id`,
		[]any{r.da, r.db, r.a, r.b}, func(rows *sql.Rows) error {
			var trade, comm int64
			var n, prio int
			if err := rows.Scan(&trade, &comm, &n, &prio); err != nil {
				return err
			}
			f.Dispatched += n
			f.PriorityDispatched += prio
			sp.add(trade, comm, func(x *AreaFigures) { x.Dispatched += n })
			return nil
		})
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
			GROUP BY created_at / 604800, (created_at - job_posted_at) / 60) AS weeks
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
			t.PlacesAsked += x.PlacesAsked
			t.PlacesFilled += x.PlacesFilled
			t.UnfilledPlaces += x.UnfilledPlaces
			t.MissedPlaces += x.MissedPlaces
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
