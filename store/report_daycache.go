package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// dayTotals is what one past station-local day adds to the figures a period is compared with
// (comparedFigures): the jobs posted that day and the dispatches made, ended, paid or started on
// it, with the minutes from posting to dispatch as a histogram so medians of many days can be
// taken. The registrations, visits and sign-ins and the open jobs are read live (they are cheap).
// A day's totals are kept in day_figures once it is over; any write to a dispatch or a job of
// that day drops them in its own transaction (migration 0023), so a stored day is the records'.
type dayTotals struct {
	Jobs            int        `json:"jobs"`
	Heads           int        `json:"heads"`
	Cancelled       int        `json:"cancelled"`
	CancelledPlaces int        `json:"cancelled_places"`
	Held            int        `json:"held"`
	Full            int        `json:"full"`
	Unfilled        int        `json:"unfilled"` // places not held of jobs not cancelled, whatever their start
	Made            int        `json:"made"`
	Dispatched      int        `json:"dispatched"`
	Priority        int        `json:"priority"`
	Done            int        `json:"done"`
	Unpaid          int        `json:"unpaid"`
	NoShows         int        `json:"no_shows"`
	Disputes        int        `json:"disputes"`
	PaidFen         int64      `json:"paid_fen"`
	Waits           waitCounts `json:"-"` // its own column: the trend reads the rest alone
}

// waitCounts is a day's histogram of minutes to dispatch, kept as one string of "minutes:count"
// pairs in its own column: a district day has a thousand of them, read only for the medians.
type waitCounts []MinuteCount

func (w waitCounts) String() string {
	b := make([]byte, 0, len(w)*8)
	for i, m := range w {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, m.Minutes, 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(m.Count), 10)
	}
	return string(b)
}

func parseWaits(s string) (waitCounts, error) {
	out := make(waitCounts, 0, strings.Count(s, ":"))
	for pair := range strings.FieldsSeq(s) {
		m, n, ok := strings.Cut(pair, ":")
		minutes, err1 := strconv.ParseInt(m, 10, 64)
		count, err2 := strconv.Atoi(n)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("day_figures: bad minutes %q", pair)
		}
		out = append(out, MinuteCount{minutes, count})
	}
	return out, nil
}

// encode is a day's totals as the two columns keep them.
func (t dayTotals) encode() (totals, waits string) {
	js, _ := json.Marshal(t)
	return string(js), t.Waits.String()
}

// day is one station-local day as the half-open Unix range [a, b).
type day struct{ a, b int64 }

// countDay reads one day's totals from the records, with the queries the scan of a whole range
// uses (report_compare.go), over [a, b) alone.
func (s *Store) countDay(q *readChain, d day) dayTotals {
	var t dayTotals
	var c jobCounts
	// with no start in the future, the places "missed" are every place not held
	q.row(postedJobs("", ""), []any{int64(math.MaxInt64), dayBucket(d.a), dayBucket(d.b - 1), d.a, d.b}, c.dest()...)
	t.Jobs, t.Heads, t.Cancelled, t.CancelledPlaces, t.Held, t.Full, t.Unfilled = c.jobs, c.heads, c.cancelled, c.cancelledPlaces, c.held, c.full, c.missed
	var disp, prio, done, unpaid, noShows, disputes [2]int
	dispatchCounts(q, d.a, d.b, d.b, &disp, &prio, &done, &unpaid, &noShows, &disputes)
	t.Dispatched, t.Priority, t.Done, t.Unpaid, t.NoShows, t.Disputes = disp[0], prio[0], done[0], unpaid[0], noShows[0], disputes[0]
	var fen [2]int64
	wagesPaid(q, d.a, d.b, d.b, &fen)
	t.PaidFen = fen[0]
	t.Waits = waitCounts{}
	s.waitHistogram(q, d.a, d.b, d.b, func(minutes int64, n, _ int) { t.Waits = append(t.Waits, MinuteCount{minutes, n}) })
	// in order of minutes, as SQLite groups them and PostgreSQL need not: a day is kept one way
	slices.SortFunc(t.Waits, func(x, y MinuteCount) int { return cmp.Compare(x.Minutes, y.Minutes) })
	return t
}

// add puts a day's totals into f; the day's unfilled places are missed less those of its jobs
// that have not started yet, which the caller takes off once for the whole range.
func (t dayTotals) add(f *Figures, waits *[]MinuteCount) {
	f.JobsPosted += t.Jobs
	f.HeadcountRequested += t.Heads
	f.CancelledJobs += t.Cancelled
	f.CancelledPlaces += t.CancelledPlaces
	f.PlacesAsked += t.Heads - t.CancelledPlaces
	f.PlacesFilled += t.Held
	f.UnfilledPlaces += t.Heads - t.CancelledPlaces - t.Held
	f.FilledJobs += t.Full
	f.MissedPlaces += t.Unfilled
	f.Dispatched += t.Dispatched
	f.PriorityDispatched += t.Priority
	f.Completed += t.Done
	f.Unpaid += t.Unpaid
	f.NoShows += t.NoShows
	f.Disputes += t.Disputes
	f.WagesPaidFen += t.PaidFen
	*waits = append(*waits, t.Waits...)
}

// daysOf lists the station-local days from day from to day to, both included.
func (s *Store) daysOf(from, to string) ([]day, error) {
	var out []day
	for d := from; d <= to; {
		a, b, err := s.DayRange(d)
		if err != nil {
			return nil, err
		}
		out = append(out, day{a.Unix(), b.Unix()})
		d = s.DayOf(b)
	}
	return out, nil
}

// storedDays reads the kept totals of the days in [a, b) on q (the pool or a transaction), with
// their minutes to dispatch when waits is set.
func storedDays(ctx context.Context, q querier, a, b int64, waits bool) (map[int64]dayTotals, error) {
	out := map[int64]dayTotals{}
	col := "''"
	if waits {
		col = "waits"
	}
	rows, err := q.QueryContext(ctx, `SELECT a, totals, `+col+` FROM day_figures WHERE a >= ? AND a < ?`, a, b)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var at int64
		var js, ws string
		if err := rows.Scan(&at, &js, &ws); err != nil {
			return nil, err
		}
		var t dayTotals
		var err error
		if err = json.Unmarshal([]byte(js), &t); err == nil {
			t.Waits, err = parseWaits(ws)
		}
		if err == nil { // a row that does not read is counted again
			out[at] = t
		}
	}
	return out, rows.Err()
}

// countAndKeep counts the days not kept yet and keeps those that are over, in one transaction
// that no write to their records can cross: on SQLite it is the one writer; on PostgreSQL it
// first locks day_figures against the triggers' deletes, so a write either committed before the
// count (and is in it) or waits and then drops the row just kept. A file that cannot be written
// (read-only, or another program holding it) still gets its figures, counted and not kept.
func (s *Store) countAndKeep(ctx context.Context, days []day, today int64) (map[int64]dayTotals, error) {
	out, err := s.keepCounted(ctx, days, today)
	if err == nil || ctx.Err() != nil {
		return out, err
	}
	s.log.Warn("day totals not kept", "err", err)
	out = map[int64]dayTotals{}
	q := &readChain{s: s, ctx: ctx}
	for _, d := range days {
		out[d.a] = s.countDay(q, d)
	}
	return out, q.err
}

func (s *Store) keepCounted(ctx context.Context, days []day, today int64) (map[int64]dayTotals, error) {
	if !s.pg {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if s.pg {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE day_figures IN SHARE ROW EXCLUSIVE MODE`); err != nil {
			return nil, err
		}
	}
	// another reader may have kept some of them while this one waited for the lock
	out, err := storedDays(ctx, tx, days[0].a, days[len(days)-1].b, true)
	if err != nil {
		return nil, err
	}
	q := &readChain{s: s, ctx: ctx, tx: tx}
	for _, d := range days {
		if _, ok := out[d.a]; ok {
			continue
		}
		t := s.countDay(q, d)
		if q.err != nil {
			return nil, q.err
		}
		out[d.a] = t
		if d.b > today { // not over yet: counted, not kept
			continue
		}
		js, ws := t.encode()
		if _, err := tx.ExecContext(ctx, `INSERT INTO day_figures (a, b, totals, made_at, waits) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (a) DO UPDATE SET b = excluded.b, totals = excluded.totals, made_at = excluded.made_at, waits = excluded.waits`,
			d.a, d.b, js, s.now().Unix(), ws); err != nil {
			return nil, err
		}
	}
	return out, tx.Commit()
}

// dayTotalsOf gives the totals of each day, kept or counted now; ok is false when more than
// maxCount days would have to be counted (the caller then scans the range at once instead).
// Without waits the days' minutes to dispatch are left out when they are kept.
func (s *Store) dayTotalsOf(ctx context.Context, days []day, maxCount int, waits bool) (map[int64]dayTotals, bool, error) {
	if len(days) == 0 {
		return map[int64]dayTotals{}, true, nil
	}
	kept, err := storedDays(ctx, s.db, days[0].a, days[len(days)-1].b, waits)
	if err != nil {
		return nil, false, dbError(err, s.path)
	}
	var missing []day
	for _, d := range days {
		if _, ok := kept[d.a]; !ok {
			missing = append(missing, d)
		}
	}
	if len(missing) > maxCount {
		return nil, false, nil
	}
	if len(missing) > 0 {
		start, _, err := s.DayRange(s.DayOf(s.now()))
		if err != nil {
			return nil, false, err
		}
		counted, err := s.countAndKeep(ctx, missing, start.Unix())
		if err != nil {
			return nil, false, dbError(err, s.path)
		}
		for a, t := range counted {
			kept[a] = t
		}
	}
	return kept, true, nil
}

// futureUnfilled is the places not held of the jobs posted in [a, b), not cancelled, whose
// start is still after now: a day's totals count them as missed, and they are not yet.
func futureUnfilled(q *readChain, a, b, now int64) int {
	var n int
	q.row(`SELECT coalesce(sum(headcount - filled), 0) FROM jobs INDEXED BY jobs_start
		WHERE starts_at > ? AND created_at >= ? AND created_at < ? AND status <> 'cancelled' AND filled < headcount`,
		[]any{now, a, b}, &n)
	return n
}

// CheckDayFigures counts every kept day again from the records and drops the rows that say
// otherwise (gigdesk check; the next Summary counts those days again). n is how many it dropped.
func (s *Store) CheckDayFigures(ctx context.Context) (n int, err error) {
	type keptRow struct {
		d         day
		js, waits string
	}
	rows, err := queryAll(ctx, s, func(sc scanner) (keptRow, error) {
		var r keptRow
		err := sc.Scan(&r.d.a, &r.d.b, &r.js, &r.waits)
		return r, err
	}, `SELECT a, b, totals, waits FROM day_figures ORDER BY a`)
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		q := &readChain{s: s, ctx: ctx}
		t := s.countDay(q, r.d)
		if q.err != nil {
			return n, dbError(q.err, s.path)
		}
		js, ws := t.encode()
		var kept dayTotals
		if json.Unmarshal([]byte(r.js), &kept) == nil && ws == r.waits {
			if got, _ := kept.encode(); got == js {
				continue
			}
		}
		if _, err := s.db.ExecContext(ctx, `DELETE FROM day_figures WHERE a = ?`, r.d.a); err != nil {
			return n, dbError(err, s.path)
		}
		n++
	}
	return n, nil
}
