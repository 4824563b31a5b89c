package store

import (
	"context"
	"testing"
	"time"

	"gigdesk/store/testdb"
)

// selfStation is a station whose clock the test moves, three days of a terminal's use.
func selfStation(t *testing.T) (*dispatchStation, []string) {
	now := time.Date(2026, 11, 25, 8, 0, 0, 0, Shanghai)
	s, err := Open(testdb.New(t), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	head := must(s.Setup(ctx, "后街零工驿站", "王站长"))(t)
	e := must(s.SaveEmployer(ctx, head.ID, Employer{Kind: Resident, Name: "李阿姨", Phone: "13912345678", Address: "后街12号", CommunityID: 100}))(t)
	st := &dispatchStation{t: t, s: s, ctx: ctx, head: head.ID, employer: e}
	var ws []Worker
	for _, n := range []string{"张三丰", "李四", "王五", "赵六"} {
		ws = append(ws, st.worker(n, 1, 100))
	}
	var days []string
	for d := range 3 {
		now = time.Date(2026, 11, 25+d, 8, 0, 0, 0, Shanghai)
		days = append(days, s.Today())
		// d+2 sign in at the terminal, the last at the counter
		for _, w := range ws[:d+2] {
			must(s.SelfSignIn(ctx, w.ID))(t)
		}
		if d < 2 {
			must(s.SignIn(ctx, head.ID, ws[3].ID))(t)
		}
		j := st.job(1, 3, now.Add(6*time.Hour), 4)
		for _, w := range ws[:3] {
			must(s.AskForJob(ctx, w.ID, j.ID))(t)
		}
		now = now.Add(time.Hour)
		must(0, s.WithdrawRequest(ctx, ws[1].ID, j.ID))(t) // 李四 takes it back
		st.dispatch(j, ws[0])                              // 张三丰's ends in a dispatch
		if d == 1 {
			c := st.dispatch(j, ws[2]) // 王五's too, called off again
			must(s.Cancel(ctx, head.ID, c.ID, ByWorker, "家里有事"))(t)
		}
		if d == 2 {
			st.dispatch(j, ws[3]) // 赵六, who did not ask: no request of his
			now = now.Add(time.Hour)
			must(s.AskForJob(ctx, ws[1].ID, j.ID))(t) // 李四 asks again
		}
	}
	return st, days
}

// fromRecords counts the self-service figures of [from, to] from every row, one by one.
func selfFromRecords(t *testing.T, s *Store, from, to string) SelfFigures {
	t.Helper()
	ctx := context.Background()
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		t.Fatal(err)
	}
	var f SelfFigures
	type signIn struct{ day, source string }
	for _, r := range must(queryAll(ctx, s, func(sc scanner) (signIn, error) {
		var x signIn
		return x, sc.Scan(&x.day, &x.source)
	}, `SELECT day, source FROM sign_ins`))(t) {
		if r.source == SignInSelf && r.day >= from && r.day <= to {
			f.SignIns++
		}
	}
	type pair struct{ job, worker int64 }
	held := map[pair]bool{}
	type disp struct {
		pair
		status string
	}
	for _, d := range must(queryAll(ctx, s, func(sc scanner) (disp, error) {
		var x disp
		return x, sc.Scan(&x.job, &x.worker, &x.status)
	}, `SELECT job_id, worker_id, status FROM dispatches`))(t) {
		if d.status != "cancelled" {
			held[d.pair] = true
		}
	}
	type req struct {
		pair
		asked     int64
		withdrawn bool
	}
	for _, r := range must(queryAll(ctx, s, func(sc scanner) (req, error) {
		var x req
		return x, sc.Scan(&x.job, &x.worker, &x.asked, &x.withdrawn)
	}, `SELECT job_id, worker_id, asked_at, CASE WHEN withdrawn_at IS NULL THEN 0 ELSE 1 END FROM job_requests`))(t) {
		if r.asked < a || r.asked >= b {
			continue
		}
		f.Requests++
		if r.withdrawn {
			f.Withdrawn++
		}
		if held[r.pair] {
			f.Dispatched++
		}
	}
	return f
}

// The report's self-service counts are those counted from the records, for each day, for the
// three together and for the summary's periods; the days hold what the test did.
func TestSelfFiguresEqualTheRecords(t *testing.T) {
	st, days := selfStation(t)
	want := map[string]SelfFigures{ // by hand: what selfStation did each day
		days[0]: {SignIns: 2, Requests: 3, Withdrawn: 1, Dispatched: 1},
		days[1]: {SignIns: 3, Requests: 3, Withdrawn: 1, Dispatched: 1},
		days[2]: {SignIns: 4, Requests: 3, Withdrawn: 0, Dispatched: 1},
	}
	for _, r := range [][2]string{{days[0], days[0]}, {days[1], days[1]}, {days[2], days[2]}, {days[0], days[2]}, {"2026-11-01", "2026-11-24"}} {
		got := must(st.s.SelfFigures(st.ctx, r[0], r[1]))(t)
		if rec := selfFromRecords(t, st.s, r[0], r[1]); got != rec {
			t.Errorf("%s..%s: %+v, the records say %+v", r[0], r[1], got, rec)
		}
		if w, ok := want[r[0]]; ok && r[0] == r[1] && got != w {
			t.Errorf("%s: %+v, want %+v", r[0], got, w)
		}
	}
	sum := must(st.s.Summary(st.ctx, SpanDay, days[2]))(t)
	for _, p := range []struct {
		got  SelfFigures
		f    Figures
		name string
	}{{sum.Self.Cur, sum.Cur, "cur"}, {sum.Self.Prev, sum.Prev, "prev"}, {sum.Self.Last7, sum.Last7, "last 7"}} {
		if rec := selfFromRecords(t, st.s, p.f.From, p.f.To); p.got != rec {
			t.Errorf("summary's %s %s..%s: %+v, the records say %+v", p.name, p.f.From, p.f.To, p.got, rec)
		}
	}
	if !sum.Self.Any() || sum.Self.Cur.SignIns > sum.Cur.SignIns {
		t.Errorf("self %+v within sign-ins %d", sum.Self, sum.Cur.SignIns)
	}
	// a month before the terminal: nothing, and the report reads as before
	if old := must(st.s.Summary(st.ctx, SpanDay, "2026-10-20"))(t); old.Self.Any() {
		t.Errorf("self-service before there was any: %+v", old.Self)
	}
}

func TestSelfFiguresArithmetic(t *testing.T) {
	for _, c := range []struct {
		f    SelfFigures
		rate float64
	}{
		{SelfFigures{}, 0},
		{SelfFigures{SignIns: 5}, 0},
		{SelfFigures{Requests: 4, Dispatched: 1}, 0.25},
		{SelfFigures{Requests: 3, Withdrawn: 3}, 0},
		{SelfFigures{Requests: 2, Dispatched: 2, Withdrawn: 1}, 1},
	} {
		if got := c.f.DispatchRate(); got != c.rate {
			t.Errorf("%+v: rate %v, want %v", c.f, got, c.rate)
		}
	}
	for _, c := range []struct {
		s   SelfSummary
		any bool
	}{
		{SelfSummary{}, false},
		{SelfSummary{Cur: SelfFigures{SignIns: 1}}, true},
		{SelfSummary{Prev: SelfFigures{Withdrawn: 1}}, true},
		{SelfSummary{Last7: SelfFigures{Requests: 1}}, true},
	} {
		if c.s.Any() != c.any {
			t.Errorf("%+v: any %v", c.s, !c.any)
		}
	}
}
