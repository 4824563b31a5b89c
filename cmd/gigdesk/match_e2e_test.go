package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/match"
)

// matchStation fills db with an employer, a plumbing job starting in three hours and a few
// workers, using the store's own methods. It returns the job.
func matchStation(t *testing.T, db string, now time.Time, setUp bool) (*store.Store, store.Job) {
	t.Helper()
	s, err := store.Open(db, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if setUp {
		if _, err := s.Setup(ctx, "后街零工市场", "王芳"); err != nil {
			t.Fatal(err)
		}
	}
	staff, err := s.ListStaff(ctx)
	if err != nil || len(staff) == 0 {
		t.Fatalf("no staff: %v", err)
	}
	head := staff[0].ID
	e, err := s.SaveEmployer(ctx, head, store.Employer{Kind: store.Resident, Name: "李阿姨", Phone: "13912345678", Address: "后街12号", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	start := now.Truncate(time.Hour).Add(3 * time.Hour)
	_, job, err := s.CreateJob(ctx, head, e, store.Job{TradeID: 1, Headcount: 2, StartsAt: start, Duration: 4 * time.Hour,
		PayFen: 25000, PayUnit: store.PerDay, Address: "后街12号", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range []struct {
		name            string
		trade, communty int64
	}{{"张三丰", 1, 100}, {"李四", 1, 101}, {"王五", 1, 130}, {"赵六", 6, 100}, {"孙八", 3, 100}} {
		if _, err := s.CreateWorker(ctx, head, store.Worker{Name: p.name, BirthYear: 1980, Phone: fmt.Sprintf("1380000%04d", i+1),
			CommunityID: p.communty, Trades: []store.WorkerTrade{{TradeID: p.trade, Years: 5}}}); err != nil {
			t.Fatal(err)
		}
	}
	return s, job
}

func TestMatchCommandJSON(t *testing.T) {
	db := stationDB(t, "station.db")
	_, job := matchStation(t, db, time.Now(), true)
	out, err := gd(t, "match", "--db", db, "--job", fmt.Sprint(job.ID), "--format", "json")
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	// factors are read back by key: the command writes one per match.FactorKeys
	var got struct {
		matchJSON
		Candidates []struct {
			candidateJSON
			Factors map[string]int `json:"factors"`
		} `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	first, at := out[strings.Index(out, `"factors"`):], 0
	for _, k := range match.FactorKeys {
		i := strings.Index(first, `"`+k+`": `)
		if i < at {
			t.Fatalf("factor %q out of match.FactorKeys order: %s", k, first)
		}
		at = i
	}
	if got.Job.Number != job.ID || got.Job.Trade != "plumbing" || got.Job.Headcount != 2 || got.Job.Filled != 0 ||
		!got.Job.End.Equal(job.StartsAt.Add(4*time.Hour)) {
		t.Fatalf("job %+v", got.Job)
	}
	if len(got.Candidates) != 4 || got.Candidates[0].Worker != 1 || got.Candidates[0].Rank != 1 {
		t.Fatalf("candidates %+v", got.Candidates)
	}
	for i, c := range got.Candidates {
		if len(c.Factors) != len(match.FactorKeys) {
			t.Errorf("candidate %d: factors %v, want one per %v", i, c.Factors, match.FactorKeys)
		}
		sum := 0
		for _, k := range match.FactorKeys {
			sum += c.Factors[k]
		}
		if sum != c.Score {
			t.Errorf("candidate %d: factors add to %d, score %d", i, sum, c.Score)
		}
		if i > 0 && c.Score > got.Candidates[i-1].Score {
			t.Errorf("candidate %d outranks the one before", i)
		}
	}
	// the related trade earns half the trade weight (rounded up); with place weighed above it
	// the worker next door in the related trade ranks second
	if rel := got.Candidates[1]; !rel.Related || rel.Factors[match.KeyTrade] != (match.DefaultWeights().Trade+1)/2 {
		t.Errorf("related trade: %+v", rel)
	}
	text, err := gd(t, "match", "--db", db, "--job", fmt.Sprint(job.ID), "--limit", "2", "--lang", "en")
	if err != nil || !strings.Contains(text, "Job 1 Plumbing") || !strings.Contains(text, "张三丰") || strings.Contains(text, "王五") {
		t.Fatalf("text: %v\n%s", err, text)
	}
	if _, err := gd(t, "match", "--db", db, "--job", "99"); err == nil {
		t.Fatal("a missing job was accepted")
	}
	if _, err := gd(t, "match", "--db", db, "--job", "1", "--format", "xml"); err == nil {
		t.Fatal("an unknown format was accepted")
	}
}

// TestPlanCommandOptimal checks the plan's total against every possible assignment on small
// random stations.
func TestPlanCommandOptimal(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, store.Shanghai)
	for seed := range int64(4) {
		db := stationDB(t, fmt.Sprintf("plan%d.db", seed))
		s, _ := matchStation(t, db, now, true)
		ctx := context.Background()
		r := rand.New(rand.NewSource(seed))
		e, err := s.EmployerByPhone(ctx, "13912345678")
		must(t, err)
		day := time.Date(2026, 11, 28, 0, 0, 0, 0, store.Shanghai)
		for i := range 3 {
			if _, _, err := s.CreateJob(ctx, 1, e, store.Job{TradeID: int64(1 + r.Intn(3)), Headcount: 1 + r.Intn(2),
				StartsAt: day.Add(time.Duration(8+4*i) * time.Hour), Duration: 3 * time.Hour, PayFen: int64(150+r.Intn(200)) * 100,
				PayUnit: store.PerDay, CommunityID: []int64{100, 101, 130}[r.Intn(3)]}); err != nil {
				t.Fatal(err)
			}
		}
		out, err := gd(t, "plan", "--db", db, "--date", "2026-11-28", "--format", "json")
		if err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		var got planJSON
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		p, err := s.PlanDay(ctx, "2026-11-28")
		if err != nil {
			t.Fatal(err)
		}
		best := bestPlan(p)
		if got.Total != best || len(got.Jobs) != 3 {
			t.Fatalf("seed %d: plan total %d, best %d, jobs %d\n%s", seed, got.Total, best, len(got.Jobs), out)
		}
		sum, per := 0, map[int64]int{}
		seen := map[int64]bool{}
		for _, a := range got.Assignments {
			sum += a.Score
			per[a.Job]++
			if seen[a.Worker] {
				t.Fatalf("seed %d: worker %d planned twice", seed, a.Worker)
			}
			seen[a.Worker] = true
		}
		for _, j := range got.Jobs {
			if per[j.Number] > j.Remaining {
				t.Fatalf("seed %d: job %d over its head-count", seed, j.Number)
			}
		}
		if sum != got.Total {
			t.Fatalf("seed %d: assignments add to %d, total says %d", seed, sum, got.Total)
		}
	}
	if _, err := gd(t, "plan", "--db", filepath.Join(t.TempDir(), "x.db"), "--date", "2026-13-40"); err == nil {
		t.Fatal("a bad date was accepted")
	}
}

// bestPlan tries every way of giving each worker one of the day's jobs or none.
func bestPlan(p store.DayPlan) int {
	mc, ws := p.Context, p.Pool.Workers
	rem := map[int64]int{}
	for _, j := range p.Jobs {
		rem[j.Job.ID] = j.Remaining
	}
	best := 0
	var try func(i, total int)
	try = func(i, total int) {
		if i == len(ws) {
			best = max(best, total)
			return
		}
		try(i+1, total)
		for _, pj := range p.Jobs {
			mj := p.MatchJob[pj.Job.ID]
			if ok, _ := match.Eligible(mj, ws[i], mc.Relations); !ok || rem[mj.ID] == 0 {
				continue
			}
			rem[mj.ID]--
			try(i+1, total+match.Score(mj, ws[i], mc.Relations, mc.Weights, mc.Now).Score)
			rem[mj.ID]++
		}
	}
	try(0, 0)
	return best
}

func TestSlipCommand(t *testing.T) {
	db := stationDB(t, "station.db")
	s, job := matchStation(t, db, time.Now(), true)
	d, err := s.Dispatch(context.Background(), 1, store.DispatchInput{JobID: job.ID, WorkerID: 1, Insured: true})
	if err != nil {
		t.Fatal(err)
	}
	out, err := gd(t, "slip", "--db", db, "--dispatch", fmt.Sprint(d.ID), "--lang", "en")
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, want := range []string{"DISPATCH SLIP", "后街零工市场", "Plumbing", "13800000001", "13912345678", "¥250.00/day", "insured", "王芳", "Worker's signature"} {
		if !strings.Contains(out, want) {
			t.Errorf("slip lacks %q:\n%s", want, out)
		}
	}
	file := filepath.Join(t.TempDir(), "slips", "one.txt")
	if out, err = gd(t, "slip", "--db", db, "--dispatch", fmt.Sprint(d.ID), "--out", file); err != nil || !strings.Contains(out, file) {
		t.Fatalf("%v: %s", err, out)
	}
	body, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(body), "派 工 单\r\n") {
		t.Fatalf("saved slip: %v %q", err, body)
	}
	if _, err := gd(t, "slip", "--db", db, "--dispatch", "77"); err == nil {
		t.Fatal("a missing dispatch was accepted")
	}
}

// TestMatchInTerminal: call → dispatch → check-in → done → paid → slip in the real binary.
func TestMatchInTerminal(t *testing.T) {
	for _, tc := range []struct {
		lang, duty, first, dispatched, today, onSite, done, paid, slip, filled, insurer string
		w, h                                                                            int
	}{
		{"zh", "值班：王芳", "张*丰", "已派工", "今天开工或今天派出的派工（1）", "已到岗", "已完工", "已付¥250.00", "派工单已保存", "已派 1/2 人", "保险公司（可空", 80, 24},
		{"en", "On duty: 王芳", "张*丰", "Dispatched", "Starting or dispatched today (1)", "on site", "done", "paid ¥250.00", "Dispatch slip saved", "1 of 2 dispatched", "Insurer (optional", 160, 48},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			db := stationDB(t, "station.db")
			tm := StartTerm(t, tc.w, tc.h, nil, "--db", db, "--lang", tc.lang)
			tm.WaitFor(footerDB(db))
			tm.Type("后街零工市场")
			tm.Keys("Enter")
			tm.Type("王芳")
			tm.Keys("Enter")
			tm.Type("7392")
			tm.Keys("Enter")
			tm.Type("7392")
			tm.Keys("Enter")
			tm.WaitFor(tc.duty)
			_, job := matchStation(t, db, time.Now(), false)
			tm.Keys("F4", "g")
			tm.Type(fmt.Sprint(job.ID))
			tm.Keys("Enter")
			scr := tm.WaitFor(tc.first, "4/4")
			if strings.Contains(scr, "13800000001") || strings.Contains(scr, "张三丰") {
				t.Fatalf("the list shows personal data in full:\n%s", scr)
			}
			tm.Keys("n")
			tm.WaitFor(tc.first + "?")
			tm.Keys("a")
			tm.WaitFor("250.00")
			tm.Keys("Enter", "y")
			tm.WaitFor(tc.insurer)
			tm.Keys("Enter", "Enter") // insurer and policy number are optional
			tm.WaitFor(tc.dispatched, tc.filled)
			tm.Keys("t")
			tm.WaitFor(tc.today)
			tm.Keys("i")
			tm.WaitFor(tc.onSite)
			tm.Keys("e")
			tm.WaitFor(tc.done)
			tm.Keys("m", "Enter")
			tm.WaitFor(tc.paid)
			tm.Keys("C-p")
			tm.WaitFor(tc.slip)
			tm.Keys("F10")
			tm.WaitFor("EXIT=0")
			matches, err := filepath.Glob(filepath.Join(besideDB(db), "slips", "*.txt"))
			must(t, err)
			if len(matches) != 1 {
				t.Fatalf("slip files: %v", matches)
			}
		})
	}
}
