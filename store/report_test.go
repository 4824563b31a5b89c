package store_test

import (
	"context"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
)

// reportNow is a Saturday afternoon at the station.
var reportNow = time.Date(2026, 11, 28, 17, 30, 0, 0, store.Shanghai)

var (
	demoOnce sync.Once
	demoPath string
	demoErr  error
)

// demoStore opens a copy-free demo station (300 workers, a month) built once per test run.
func demoStore(t testing.TB) *store.Store {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := osMkdirTemp()
		if err != nil {
			demoErr = err
			return
		}
		demoPath = filepath.Join(dir, "demo.db")
		s, err := store.Open(demoPath, store.WithClock(func() time.Time { return reportNow }))
		if err != nil {
			demoErr = err
			return
		}
		defer s.Close()
		_, demoErr = demo.Generate(context.Background(), s, demo.Defaults())
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	s, err := store.Open(demoPath, store.WithClock(func() time.Time { return reportNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func exportAll(t testing.TB, s *store.Store, kind store.ExportKind, from, to string) []map[string]any {
	t.Helper()
	cols, err := store.ExportColumns(kind)
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	err = s.Export(context.Background(), 0, store.ExportRequest{Kind: kind, From: from, To: to}, func(row []any) error {
		m := map[string]any{}
		for i, c := range cols {
			m[c.Name] = row[i]
		}
		out = append(out, m)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func i64(v any) int64 {
	n, _ := v.(int64)
	return n
}

// bruteFigures recounts a range's figures from the exports and raw tables, in plain Go.
func bruteFigures(t *testing.T, s *store.Store, workers, employers, jobs, disp []map[string]any, from, to string) store.Figures {
	t.Helper()
	in := func(v any) bool {
		if v == nil {
			return false
		}
		d := s.DayOf(time.Unix(i64(v), 0))
		return d >= from && d <= to
	}
	_, end, err := s.DayRange(to)
	if err != nil {
		t.Fatal(err)
	}
	now := reportNow.Unix()
	f := store.Figures{From: from, To: to, WorkersByChannel: map[store.Channel]int{}, Visits: map[store.VisitKind]int{}}
	trades := map[int64]*store.AreaFigures{}
	comms := map[int64]*store.AreaFigures{}
	area := func(m map[int64]*store.AreaFigures, id int64) *store.AreaFigures {
		if m[id] == nil {
			m[id] = &store.AreaFigures{ID: id}
		}
		return m[id]
	}
	for _, w := range workers {
		if in(w["created_at"]) {
			f.WorkersRegistered++
			f.WorkersByChannel[store.Channel(w["channel"].(string))]++
		}
	}
	for _, e := range employers {
		if in(e["created_at"]) {
			f.EmployersRegistered++
		}
	}
	held := map[int64]int{} // places a worker's dispatch holds, by job
	for _, d := range disp {
		if st := d["dispatch_status"].(string); st == "dispatched" || st == "checked_in" || st == "done" {
			held[i64(d["job_id"])]++
		}
	}
	for _, j := range jobs {
		heads, filled := int(i64(j["headcount"])), int(i64(j["filled"]))
		status := j["job_status"].(string)
		if (status == "open" || status == "partly") && i64(j["starts_at"]) >= end.Unix() && i64(j["posted_at"]) < end.Unix() {
			f.OpenIntoTomorrow++
			f.OpenPlaces += heads - filled
		}
		if !in(j["posted_at"]) {
			continue
		}
		f.JobsPosted++
		f.HeadcountRequested += heads
		f.JobsByHour[time.Unix(i64(j["posted_at"]), 0).In(store.Shanghai).Hour()]++
		asked, got, missed := 0, 0, 0
		if status == "cancelled" {
			f.CancelledJobs++
			f.CancelledPlaces += heads
		} else {
			asked, got = heads, min(heads, held[i64(j["id"])])
			if got == heads {
				f.FilledJobs++
			} else if i64(j["starts_at"]) <= now {
				missed = heads - got
			}
		}
		f.PlacesAsked += asked
		f.PlacesFilled += got
		f.UnfilledPlaces += asked - got
		f.MissedPlaces += missed
		for _, a := range []*store.AreaFigures{area(trades, i64(j["trade"])), area(comms, i64(j["community"]))} {
			a.JobsPosted++
			a.HeadcountRequested += heads
			a.PlacesAsked += asked
			a.PlacesFilled += got
			a.UnfilledPlaces += asked - got
			a.MissedPlaces += missed
		}
	}
	var waits []float64
	for _, d := range disp {
		status := d["dispatch_status"].(string)
		tr, cm := area(trades, i64(d["trade"])), area(comms, i64(d["community"]))
		if in(d["dispatched_at"]) && status != "cancelled" {
			f.Dispatched++
			tr.Dispatched++
			cm.Dispatched++
			if d["priority"].(bool) {
				f.PriorityDispatched++
			}
			waits = append(waits, float64((i64(d["dispatched_at"])-i64(d["job_posted_at"]))/60))
		}
		if status == "done" && in(d["done_at"]) {
			f.Completed++
			tr.Completed++
			cm.Completed++
			if d["paid_at"] == nil {
				f.Unpaid++
			}
		}
		if in(d["paid_at"]) && d["paid"] != nil {
			f.WagesPaidFen += i64(d["paid"])
			tr.WagesPaidFen += i64(d["paid"])
			cm.WagesPaidFen += i64(d["paid"])
		}
		if in(d["starts_at"]) {
			if status == "no_show" {
				f.NoShows++
			}
			if d["disputed"].(bool) {
				f.Disputes++
			}
		}
	}
	sort.Float64s(waits)
	f.MedianMinutesToDispatch = -1
	if n := len(waits); n > 0 {
		f.MedianMinutesToDispatch = (waits[(n-1)/2] + waits[n/2]) / 2
	}
	signIns, err := s.DumpTable(context.Background(), "sign_ins")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range signIns {
		if day := strings.Split(r, "|")[2]; day >= from && day <= to {
			f.SignIns++
		}
	}
	visits, err := s.DumpTable(context.Background(), "service_visits")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range visits {
		parts := strings.Split(r, "|")
		at := must(strconv.ParseInt(parts[len(parts)-1], 10, 64))(t)
		if in(at) {
			f.Visits[store.VisitKind(parts[1])]++
		}
	}
	for _, m := range []map[int64]*store.AreaFigures{trades, comms} {
		for id, a := range m {
			if *a == (store.AreaFigures{ID: id}) {
				delete(m, id)
			}
		}
	}
	f.ByTrade, f.ByCommunity = areas(trades), areas(comms)
	return f
}

func areas(m map[int64]*store.AreaFigures) []store.AreaFigures {
	out := []store.AreaFigures{}
	for _, a := range m {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// nonEmpty drops the areas with nothing in them, which SQL never returns either.
func nonEmpty(as []store.AreaFigures) []store.AreaFigures {
	out := []store.AreaFigures{}
	for _, a := range as {
		if a != (store.AreaFigures{ID: a.ID}) {
			out = append(out, a)
		}
	}
	return out
}

func TestDayFiguresAgreeWithBruteForce(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	workers := exportAll(t, s, store.ExportWorkers, "", "")
	employers := exportAll(t, s, store.ExportEmployers, "", "")
	jobs := exportAll(t, s, store.ExportJobs, "", "")
	disp := exportAll(t, s, store.ExportDispatches, "", "")
	if len(disp) < 100 || len(jobs) < 50 {
		t.Fatalf("demo data too small to test with: %d jobs, %d dispatches", len(jobs), len(disp))
	}
	ranges := [][2]string{
		{"2026-11-28", "2026-11-28"}, // today
		{"2026-11-27", "2026-11-27"},
		{"2026-11-22", "2026-11-22"}, // a Sunday
		{"2026-11-10", "2026-11-10"},
		{"2026-11-23", "2026-11-29"}, // this week, tomorrow included
		{"2026-11-01", "2026-11-30"}, // the month
		{"2026-10-01", "2026-12-31"}, // all of it
		{"2026-12-01", "2026-12-01"}, // the future: only what was posted ahead
	}
	busy := 0
	for _, r := range ranges {
		t.Run(r[0]+"_"+r[1], func(t *testing.T) {
			got, err := s.DayFigures(ctx, r[0], r[1])
			if err != nil {
				t.Fatal(err)
			}
			want := bruteFigures(t, s, workers, employers, jobs, disp, r[0], r[1])
			if got.Dispatched > 0 {
				busy++
			}
			compareFigures(t, got, want)
			checkInvariants(t, got)
			// The exports of the same range hold exactly the records the report counts.
			if n := len(exportAll(t, s, store.ExportWorkers, r[0], r[1])); n != got.WorkersRegistered {
				t.Errorf("workers export has %d rows, report says %d registered", n, got.WorkersRegistered)
			}
			if n := len(exportAll(t, s, store.ExportEmployers, r[0], r[1])); n != got.EmployersRegistered {
				t.Errorf("employers export has %d rows, report says %d", n, got.EmployersRegistered)
			}
			if n := len(exportAll(t, s, store.ExportJobs, r[0], r[1])); n != got.JobsPosted {
				t.Errorf("jobs export has %d rows, report says %d posted", n, got.JobsPosted)
			}
			live := 0
			for _, d := range exportAll(t, s, store.ExportDispatches, r[0], r[1]) {
				if d["dispatch_status"] != "cancelled" {
					live++
				}
			}
			if live != got.Dispatched {
				t.Errorf("dispatches export has %d not cancelled, report says %d dispatched", live, got.Dispatched)
			}
		})
	}
	if busy < 4 {
		t.Fatalf("only %d ranges had dispatches: the demo data does not exercise the report", busy)
	}
}

func compareFigures(t *testing.T, got, want store.Figures) {
	t.Helper()
	type pair struct {
		name      string
		got, want any
	}
	for _, p := range []pair{
		{"WorkersRegistered", got.WorkersRegistered, want.WorkersRegistered},
		{"EmployersRegistered", got.EmployersRegistered, want.EmployersRegistered},
		{"JobsPosted", got.JobsPosted, want.JobsPosted},
		{"HeadcountRequested", got.HeadcountRequested, want.HeadcountRequested},
		{"CancelledJobs", got.CancelledJobs, want.CancelledJobs},
		{"CancelledPlaces", got.CancelledPlaces, want.CancelledPlaces},
		{"PlacesAsked", got.PlacesAsked, want.PlacesAsked},
		{"PlacesFilled", got.PlacesFilled, want.PlacesFilled},
		{"FilledJobs", got.FilledJobs, want.FilledJobs},
		{"UnfilledPlaces", got.UnfilledPlaces, want.UnfilledPlaces},
		{"MissedPlaces", got.MissedPlaces, want.MissedPlaces},
		{"Dispatched", got.Dispatched, want.Dispatched},
		{"PriorityDispatched", got.PriorityDispatched, want.PriorityDispatched},
		{"MedianMinutesToDispatch", got.MedianMinutesToDispatch, want.MedianMinutesToDispatch},
		{"Completed", got.Completed, want.Completed},
		{"WagesPaidFen", got.WagesPaidFen, want.WagesPaidFen},
		{"Unpaid", got.Unpaid, want.Unpaid},
		{"NoShows", got.NoShows, want.NoShows},
		{"Disputes", got.Disputes, want.Disputes},
		{"SignIns", got.SignIns, want.SignIns},
		{"OpenIntoTomorrow", got.OpenIntoTomorrow, want.OpenIntoTomorrow},
		{"OpenPlaces", got.OpenPlaces, want.OpenPlaces},
		{"JobsByHour", got.JobsByHour, want.JobsByHour},
		{"WorkersByChannel", mapStr(got.WorkersByChannel), mapStr(want.WorkersByChannel)},
		{"Visits", mapStr(got.Visits), mapStr(want.Visits)},
		{"ByTrade", nonEmpty(got.ByTrade), want.ByTrade},
		{"ByCommunity", nonEmpty(got.ByCommunity), want.ByCommunity},
	} {
		if a, b := strconv.Quote(sprint(p.got)), strconv.Quote(sprint(p.want)); a != b {
			t.Errorf("%s: report %s, recount %s", p.name, a, b)
		}
	}
}

func checkInvariants(t *testing.T, f store.Figures) {
	t.Helper()
	if f.FilledJobs > f.JobsPosted || f.PlacesFilled > f.PlacesAsked || f.JobsPosted > f.HeadcountRequested {
		t.Errorf("filled above posted: %+v", f)
	}
	if f.PlacesFilled+f.UnfilledPlaces != f.PlacesAsked || f.PlacesAsked+f.CancelledPlaces != f.HeadcountRequested ||
		f.MissedPlaces > f.UnfilledPlaces || f.MissedPlaces < 0 || f.CancelledJobs > f.JobsPosted {
		t.Errorf("places do not add up: asked %d = filled %d + unfilled %d (missed %d); asked + cancelled %d = head-count %d",
			f.PlacesAsked, f.PlacesFilled, f.UnfilledPlaces, f.MissedPlaces, f.CancelledPlaces, f.HeadcountRequested)
	}
	if f.PriorityDispatched > f.Dispatched || f.Unpaid > f.Completed {
		t.Errorf("a part above its whole: %+v", f)
	}
	if r := f.FillRate(); r < 0 || r > 1 || math.IsNaN(r) {
		t.Errorf("fill rate %v", r)
	}
	// by trade and by community count by the same moments as the totals: their rows add up to them
	total := store.AreaFigures{JobsPosted: f.JobsPosted, HeadcountRequested: f.HeadcountRequested, PlacesAsked: f.PlacesAsked,
		PlacesFilled: f.PlacesFilled, UnfilledPlaces: f.UnfilledPlaces, MissedPlaces: f.MissedPlaces, Dispatched: f.Dispatched,
		Completed: f.Completed, WagesPaidFen: f.WagesPaidFen}
	for name, split := range map[string][]store.AreaFigures{"trades": f.ByTrade, "communities": f.ByCommunity} {
		sum := store.AreaFigures{}
		for _, a := range split {
			sum.JobsPosted += a.JobsPosted
			sum.HeadcountRequested += a.HeadcountRequested
			sum.PlacesAsked += a.PlacesAsked
			sum.PlacesFilled += a.PlacesFilled
			sum.UnfilledPlaces += a.UnfilledPlaces
			sum.MissedPlaces += a.MissedPlaces
			sum.Dispatched += a.Dispatched
			sum.Completed += a.Completed
			sum.WagesPaidFen += a.WagesPaidFen
		}
		if sum != total {
			t.Errorf("%s add up to %+v, the totals are %+v", name, sum, total)
		}
	}
	hours := 0
	for _, n := range f.JobsByHour {
		hours += n
	}
	if hours != f.JobsPosted {
		t.Errorf("jobs by hour add up to %d, posted %d", hours, f.JobsPosted)
	}
}

// A week's figures are the sum of its days' (every figure but the median counts records).
func TestWeekIsSumOfDays(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	week, err := s.DayFigures(ctx, "2026-11-16", "2026-11-22")
	if err != nil {
		t.Fatal(err)
	}
	var sum store.Figures
	for d := 16; d <= 22; d++ {
		day := "2026-11-" + strconv.Itoa(d)
		f, err := s.DayFigures(ctx, day, day)
		if err != nil {
			t.Fatal(err)
		}
		sum.JobsPosted += f.JobsPosted
		sum.Dispatched += f.Dispatched
		sum.Completed += f.Completed
		sum.WagesPaidFen += f.WagesPaidFen
		sum.SignIns += f.SignIns
		sum.NoShows += f.NoShows
	}
	if sum.JobsPosted != week.JobsPosted || sum.Dispatched != week.Dispatched || sum.Completed != week.Completed ||
		sum.WagesPaidFen != week.WagesPaidFen || sum.SignIns != week.SignIns || sum.NoShows != week.NoShows {
		t.Fatalf("days add up to %+v, the week is %+v", sum, week)
	}
	trend, err := s.DailyDispatches(ctx, "2026-11-16", "2026-11-22")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range trend {
		n += d.Count
		// each day is counted apart from the figures (made less cancelled): it must agree
		f, err := s.DayFigures(ctx, d.Day, d.Day)
		if err != nil {
			t.Fatal(err)
		}
		if d.Count != f.Dispatched {
			t.Errorf("daily dispatches on %s: %d, the day's figures say %d", d.Day, d.Count, f.Dispatched)
		}
	}
	if len(trend) != 7 || n != week.Dispatched {
		t.Fatalf("daily dispatches %v add up to %d, week dispatched %d", trend, n, week.Dispatched)
	}
}
