package store_test

import (
	"context"
	"database/sql"
	"math"
	"sort"
	"testing"

	"gigdesk/store"
)

// recount is the headline figures of the station-local days [a, b) counted again straight
// from the raw tables with SQL written here, independent of the store's: no copied columns
// (the dispatch's job_posted_at, job trade or worker_priority), no jobs.filled counter, no
// index hints; every figure by the moment its label names.
type recount struct {
	db   *sql.DB
	t    *testing.T
	now  int64
	a, b int64 // [a, b): the days' range in Unix seconds
}

func (r recount) n(q string, args ...any) int {
	r.t.Helper()
	var v sql.NullInt64
	if err := r.db.QueryRow(q, args...).Scan(&v); err != nil {
		r.t.Fatalf("%v\n%s", err, q)
	}
	return int(v.Int64)
}

// held is, per job posted in the range, the places its workers' dispatches hold now.
const heldSQL = `SELECT j.id, j.headcount, j.status, j.starts_at,
		(SELECT count(*) FROM dispatches d WHERE d.job_id = j.id AND d.status IN ('dispatched', 'checked_in', 'done'))
	FROM jobs j WHERE j.created_at >= ? AND j.created_at < ?`

func (r recount) figures() store.Figures {
	r.t.Helper()
	a, b := r.a, r.b
	f := store.Figures{WorkersByChannel: map[store.Channel]int{}, Visits: map[store.VisitKind]int{}}
	f.WorkersRegistered = r.n(`SELECT count(*) FROM workers WHERE created_at >= ? AND created_at < ?`, a, b)
	for _, ch := range []store.Channel{store.ByCounter, store.ByPhone, store.Online} {
		if n := r.n(`SELECT count(*) FROM workers WHERE channel = ? AND created_at >= ? AND created_at < ?`, string(ch), a, b); n > 0 {
			f.WorkersByChannel[ch] = n
		}
	}
	f.EmployersRegistered = r.n(`SELECT count(*) FROM employers WHERE created_at >= ? AND created_at < ?`, a, b)
	f.JobsPosted = r.n(`SELECT count(*) FROM jobs WHERE created_at >= ? AND created_at < ?`, a, b)
	f.HeadcountRequested = r.n(`SELECT sum(headcount) FROM jobs WHERE created_at >= ? AND created_at < ?`, a, b)
	f.CancelledJobs = r.n(`SELECT count(*) FROM jobs WHERE status = 'cancelled' AND created_at >= ? AND created_at < ?`, a, b)
	f.CancelledPlaces = r.n(`SELECT sum(headcount) FROM jobs WHERE status = 'cancelled' AND created_at >= ? AND created_at < ?`, a, b)
	rows, err := r.db.Query(heldSQL, a, b)
	if err != nil {
		r.t.Fatal(err)
	}
	for rows.Next() {
		var id, starts int64
		var heads, held int
		var status string
		if err := rows.Scan(&id, &heads, &status, &starts, &held); err != nil {
			r.t.Fatal(err)
		}
		if status == "cancelled" {
			continue
		}
		held = min(held, heads)
		f.PlacesAsked += heads
		f.PlacesFilled += held
		f.UnfilledPlaces += heads - held
		if held == heads {
			f.FilledJobs++
		}
		if starts <= r.now {
			f.MissedPlaces += heads - held
		}
	}
	if err := rows.Close(); err != nil {
		r.t.Fatal(err)
	}
	f.Dispatched = r.n(`SELECT count(*) FROM dispatches WHERE created_at >= ? AND created_at < ?`, a, b) -
		r.n(`SELECT count(*) FROM dispatches WHERE status = 'cancelled' AND created_at >= ? AND created_at < ?`, a, b)
	f.PriorityDispatched = r.n(`SELECT count(*) FROM dispatches d JOIN workers w ON w.id = d.worker_id
		WHERE w.groups <> '' AND d.status <> 'cancelled' AND d.created_at >= ? AND d.created_at < ?`, a, b)
	f.MedianMinutesToDispatch = r.median()
	f.Completed = r.n(`SELECT count(*) FROM dispatches WHERE status = 'done' AND done_at >= ? AND done_at < ?`, a, b)
	f.Unpaid = r.n(`SELECT count(*) FROM dispatches WHERE status = 'done' AND paid_at IS NULL AND done_at >= ? AND done_at < ?`, a, b)
	f.WagesPaidFen = int64(r.n(`SELECT sum(paid_fen) FROM dispatches WHERE paid_at >= ? AND paid_at < ?`, a, b))
	f.NoShows = r.n(`SELECT count(*) FROM dispatches WHERE status = 'no_show' AND starts_at >= ? AND starts_at < ?`, a, b)
	f.Disputes = r.n(`SELECT count(*) FROM dispatches WHERE disputed = 1 AND starts_at >= ? AND starts_at < ?`, a, b)
	for _, k := range store.VisitKinds {
		if n := r.n(`SELECT count(*) FROM service_visits WHERE kind = ? AND at >= ? AND at < ?`, string(k), a, b); n > 0 {
			f.Visits[k] = n
		}
	}
	return f
}

// median is the median minutes, whole minutes rounded down, from a job's posting to each of
// the range's dispatches not cancelled.
func (r recount) median() float64 {
	r.t.Helper()
	rows, err := r.db.Query(`SELECT (d.created_at - j.created_at) / 60 FROM dispatches d JOIN jobs j ON j.id = d.job_id
		WHERE d.status <> 'cancelled' AND d.created_at >= ? AND d.created_at < ?`, r.a, r.b)
	if err != nil {
		r.t.Fatal(err)
	}
	defer rows.Close()
	var m []float64
	for rows.Next() {
		var v float64
		if err := rows.Scan(&v); err != nil {
			r.t.Fatal(err)
		}
		m = append(m, v)
	}
	if len(m) == 0 {
		return -1
	}
	sort.Float64s(m)
	return (m[(len(m)-1)/2] + m[len(m)/2]) / 2
}

// TestDaySummaryAgreesWithSQL builds the demo station, asks for the day's summary of two days
// (yesterday, and today while it runs) and recounts every headline figure of the day, the day
// before and the 7 days before with independent SQL, comparing each one.
func TestDaySummaryAgreesWithSQL(t *testing.T) {
	s := demoStore(t)
	db, err := sql.Open("sqlite", "file:"+s.Path()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	for _, day := range []string{"2026-11-27", "2026-11-28"} {
		t.Run(day, func(t *testing.T) {
			sum, err := s.Summary(ctx, store.SpanDay, day)
			if err != nil {
				t.Fatal(err)
			}
			periods := []struct {
				name     string
				got      store.Figures
				from, to string
			}{{"day", sum.Cur, day, day}, {"day before", sum.Prev, sum.Prev.From, sum.Prev.To}, {"7 days before", sum.Last7, sum.Last7.From, sum.Last7.To}}
			for _, p := range periods {
				a, _, err := s.DayRange(p.from)
				if err != nil {
					t.Fatal(err)
				}
				_, b, err := s.DayRange(p.to)
				if err != nil {
					t.Fatal(err)
				}
				r := recount{db: db, t: t, now: reportNow.Unix(), a: a.Unix(), b: b.Unix()}
				want := r.figures()
				want.SignIns = r.n(`SELECT count(*) FROM sign_ins WHERE day >= ? AND day <= ?`, p.from, p.to)
				// open into the day after: a moment at the end of the period
				want.OpenIntoTomorrow = r.n(`SELECT count(*) FROM jobs WHERE status IN ('open', 'partly') AND starts_at >= ? AND created_at < ?`, r.b, r.b)
				want.OpenPlaces = r.n(`SELECT sum(headcount - filled) FROM jobs WHERE status IN ('open', 'partly') AND starts_at >= ? AND created_at < ?`, r.b, r.b)
				compareHeadline(t, p.name, p.got, want)
				if p.name == "day" {
					if got, want := p.got.FillRate(), store.Ratio(want.PlacesFilled, want.PlacesAsked); math.Abs(got-want) > 1e-12 {
						t.Errorf("day: fill rate %v, recount %v", got, want)
					}
					if p.got.PlacesAsked != p.got.PlacesFilled+p.got.UnfilledPlaces {
						t.Errorf("day: asked %d ≠ filled %d + unfilled %d", p.got.PlacesAsked, p.got.PlacesFilled, p.got.UnfilledPlaces)
					}
					cut := min(r.b, reportNow.Unix())
					if n := r.n(`SELECT count(*) FROM dispatches WHERE status IN ('dispatched', 'checked_in') AND ends_at <= ?`, cut); n != sum.StillOpenCount {
						t.Errorf("day: still open %d, recount %d", sum.StillOpenCount, n)
					}
				}
			}
			if sum.Cur.Dispatched == 0 || sum.Cur.Completed == 0 || sum.Cur.WagesPaidFen == 0 || sum.Cur.PlacesAsked == 0 {
				t.Fatalf("the demo day does not exercise the figures: %+v", sum.Cur)
			}
		})
	}
}

// compareHeadline compares each headline figure of got with the recount.
func compareHeadline(t *testing.T, period string, got, want store.Figures) {
	t.Helper()
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"workers registered", float64(got.WorkersRegistered), float64(want.WorkersRegistered)},
		{"employers registered", float64(got.EmployersRegistered), float64(want.EmployersRegistered)},
		{"jobs posted", float64(got.JobsPosted), float64(want.JobsPosted)},
		{"head-count", float64(got.HeadcountRequested), float64(want.HeadcountRequested)},
		{"cancelled jobs", float64(got.CancelledJobs), float64(want.CancelledJobs)},
		{"cancelled places", float64(got.CancelledPlaces), float64(want.CancelledPlaces)},
		{"places asked", float64(got.PlacesAsked), float64(want.PlacesAsked)},
		{"places filled", float64(got.PlacesFilled), float64(want.PlacesFilled)},
		{"places unfilled", float64(got.UnfilledPlaces), float64(want.UnfilledPlaces)},
		{"unfilled past their start", float64(got.MissedPlaces), float64(want.MissedPlaces)},
		{"jobs fully filled", float64(got.FilledJobs), float64(want.FilledJobs)},
		{"dispatched", float64(got.Dispatched), float64(want.Dispatched)},
		{"priority groups dispatched", float64(got.PriorityDispatched), float64(want.PriorityDispatched)},
		{"median minutes to dispatch", got.MedianMinutesToDispatch, want.MedianMinutesToDispatch},
		{"completed", float64(got.Completed), float64(want.Completed)},
		{"done not yet paid", float64(got.Unpaid), float64(want.Unpaid)},
		{"wages paid (fen)", float64(got.WagesPaidFen), float64(want.WagesPaidFen)},
		{"no-shows", float64(got.NoShows), float64(want.NoShows)},
		{"disputes", float64(got.Disputes), float64(want.Disputes)},
		{"sign-ins", float64(got.SignIns), float64(want.SignIns)},
		{"open into tomorrow", float64(got.OpenIntoTomorrow), float64(want.OpenIntoTomorrow)},
		{"places still open", float64(got.OpenPlaces), float64(want.OpenPlaces)},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s %v, recount %v", period, c.name, c.got, c.want)
		}
	}
	for _, ch := range []store.Channel{store.ByCounter, store.ByPhone, store.Online} {
		if got.WorkersByChannel[ch] != want.WorkersByChannel[ch] {
			t.Errorf("%s: workers by %s %d, recount %d", period, ch, got.WorkersByChannel[ch], want.WorkersByChannel[ch])
		}
	}
	for _, k := range store.VisitKinds {
		if got.Visits[k] != want.Visits[k] {
			t.Errorf("%s: %s visits %d, recount %d", period, k, got.Visits[k], want.Visits[k])
		}
	}
}
