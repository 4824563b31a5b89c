package store

import (
	"context"
)

// comparedDays is how many days comparedFigures counts from the records one by one (and
// keeps) before it scans the range at once instead: a month's comparison spans seven months.
const comparedDays = 31

// comparedFigures computes the figures the summary compares a period with, over the days
// [from, to] (the 7 periods before) and over those from mid on (the period just before). They
// hold every figure but the splits by trade, community and hour (ByTrade, ByCommunity,
// JobsByHour), which only the period itself shows. The days' totals come from day_figures where
// they are kept (report_daycache.go); the registrations, visits, sign-ins and open jobs are
// read live.
func (s *Store) comparedFigures(ctx context.Context, from, mid, to string) (whole, tail Figures, err error) {
	days, err := s.daysOf(from, to)
	if err != nil || len(days) == 0 {
		return whole, tail, err
	}
	m, _, err := s.DayRange(mid)
	if err != nil {
		return whole, tail, err
	}
	kept, ok, err := s.dayTotalsOf(ctx, days, comparedDays, true)
	if err != nil {
		return whole, tail, err
	}
	if !ok {
		return s.comparedScan(ctx, from, mid, to)
	}
	a, b, c, now := days[0].a, days[len(days)-1].b, m.Unix(), s.now().Unix()
	whole = Figures{From: from, To: to, WorkersByChannel: map[Channel]int{}, Visits: map[VisitKind]int{}}
	tail = Figures{From: mid, To: to, WorkersByChannel: map[Channel]int{}, Visits: map[VisitKind]int{}}
	var future [2]int
	err = s.inParallel(ctx, func(q *readChain) {
		s.commonFigures(q, &whole, a, b)
		s.commonFigures(q, &tail, c, b)
	}, func(q *readChain) {
		future[0], future[1] = futureUnfilled(q, a, b, now), futureUnfilled(q, c, b, now)
		s.openFigures(q, &whole, b)
	})
	if err != nil {
		return whole, tail, err
	}
	var waits [2][]MinuteCount
	for _, d := range days {
		kept[d.a].add(&whole, &waits[0])
		if d.a >= c {
			kept[d.a].add(&tail, &waits[1])
		}
	}
	tail.OpenIntoTomorrow, tail.OpenPlaces = whole.OpenIntoTomorrow, whole.OpenPlaces
	for i, f := range []*Figures{&whole, &tail} {
		f.MissedPlaces -= future[i]
		f.MedianMinutesToDispatch = MedianMinutes(waits[i])
	}
	return whole, tail, nil
}

// comparedScan is comparedFigures read from the records over the whole range at once.
func (s *Store) comparedScan(ctx context.Context, from, mid, to string) (whole, tail Figures, err error) {
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
	var posted [2]jobCounts
	var disp, prio, done, unpaid, noShows, disputes [2]int
	var fen [2]int64
	var waits [2][]MinuteCount
	err = s.inParallel(ctx, func(q *readChain) {
		s.commonFigures(q, &whole, a, b)
		s.commonFigures(q, &tail, c, b)
		// jobs posted, over the whole range and from mid on: two plain range sums cost less
		// than one pass that tests every job's posting time against mid in each sum
		for i, from := range []int64{a, c} {
			q.row(postedJobs("", ""), []any{now, dayBucket(from), dayBucket(b - 1), from, b}, posted[i].dest()...)
		}
		wagesPaid(q, a, c, b, &fen)
	}, func(q *readChain) {
		dispatchCounts(q, a, c, b, &disp, &prio, &done, &unpaid, &noShows, &disputes)
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
		posted[i].set(f)
		f.Dispatched, f.PriorityDispatched, f.Completed, f.Unpaid, f.WagesPaidFen = disp[i], prio[i], done[i], unpaid[i], fen[i]
		f.NoShows, f.Disputes = noShows[i], disputes[i]
		f.MedianMinutesToDispatch = MedianMinutes(waits[i])
	}
	return whole, tail, nil
}

// dispatchCounts counts, over [a, b) and over [c, b) (none when c >= b), the dispatches made and not cancelled
// and those of priority workers (by created_at), those done and done without payment (by
// done_at), and the no-shows and disputes (by starts_at). Each is a plain count of one index
// range (migration 0016): reading and testing a column of every entry cost five times as much.
// The partial indexes are named: without statistics SQLite would rather take the status index
// and look every cancelled dispatch of the year up in the table.
func dispatchCounts(q *readChain, a, c, b int64, disp, prio, done, unpaid, noShows, disputes *[2]int) {
	var made, cancelled [2]int
	for _, x := range []struct {
		query string
		out   *[2]int
		byDay bool
	}{
		{`SELECT count(*) FROM dispatches WHERE created_at >= ? AND created_at < ?`, &made, false},
		{`SELECT count(*) FROM dispatches INDEXED BY dispatches_cancelled WHERE status = 'cancelled' AND created_at >= ? AND created_at < ?`, &cancelled, false},
		{`SELECT coalesce(sum(worker_priority), 0) FROM dispatches INDEXED BY dispatches_priority
			WHERE worker_priority <> 0 AND status <> 'cancelled' AND created_at >= ? AND created_at < ?`, prio, false},
		{`SELECT count(*) FROM dispatches WHERE status = 'done' AND done_at / 86400 BETWEEN ? AND ?
			AND done_at >= ? AND done_at < ?`, done, true},
		{`SELECT count(*) FROM dispatches INDEXED BY dispatches_unpaid WHERE status = 'done' AND paid_at IS NULL AND done_at >= ? AND done_at < ?`, unpaid, false},
		{`SELECT count(*) FROM dispatches WHERE status = 'no_show' AND starts_at >= ? AND starts_at < ?`, noShows, false},
		{`SELECT count(*) FROM dispatches INDEXED BY dispatches_disputed WHERE disputed <> 0 AND starts_at >= ? AND starts_at < ?`, disputes, false},
	} {
		for i, from := range []int64{a, c} {
			if i == 1 && c >= b { // no tail (a single day counted alone): nothing to count
				break
			}
			args := []any{from, b}
			if x.byDay { // the UTC days the index leads with, then the range
				args = []any{dayBucket(from), dayBucket(b - 1), from, b}
			}
			q.row(x.query, args, &x.out[i])
		}
	}
	for i := range disp {
		disp[i] = made[i] - cancelled[i]
	}
}

// wagesPaid adds up the wages paid over [a, b) and over [c, b) (none when c >= b).
func wagesPaid(q *readChain, a, c, b int64, fen *[2]int64) {
	const query = `SELECT coalesce(sum(paid_fen), 0) FROM dispatches
		WHERE paid_at / 86400 BETWEEN ? AND ? AND paid_at >= ? AND paid_at < ? AND paid_fen IS NOT NULL`
	for i, from := range []int64{a, c} {
		if i == 1 && c >= b {
			break
		}
		q.row(query, []any{dayBucket(from), dayBucket(b - 1), from, b}, &fen[i])
	}
}
