package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/i18n"
)

// dayNow is the station's clock in the day test (GIGDESK_NOW): a Saturday afternoon.
const dayNow = "2026-11-28T14:30:00+08:00"

// The people of the day. The ID number typed first has a wrong check digit.
const (
	badID  = "500107198503121235"
	goodID = "50010719850312123X"
)

// dayWorker is one walk-in: what is typed at the counter.
type dayWorker struct {
	name, phone, trade, community, pick string // trade and community as typed; pick is the community shown by the picker
	signIn                              bool
}

var dayWorkers = []dayWorker{
	{"刘建国", "13800138001", "sd", "hj", "后街社区", true},
	{"陈志强", "13800138002", "水电", "冶金", "冶金三村", true},
	{"王小梅", "13800138003", "保洁", "hj", "后街社区", false},
}

// upTo is a catalogue text up to its first verb (%s, %d): what shows before any figure.
func upTo(s string) string {
	if i := strings.Index(s, "%"); i >= 0 {
		return s[:i]
	}
	return s
}

// TestDayAtTheCounter plays a whole afternoon on a fresh database in the real binary: first run,
// a second staff member on duty, three walk-ins (one ID number corrected after the message),
// a fourth with a phone already registered (the dialog opens the record, nothing is changed),
// two sign-ins, a phone job from a new employer taken with its end time (16点到20点), the
// returning employer's usual job and a night job of theirs (晚上10点到凌晨2点, listed as ending
// 次日02:00), matching with one call declined and one accepted, dispatch, the slip saved and
// read back, check-in, done, paid, the Summary screen's figures against `gigdesk report
// --format json`, and the day exported to xlsx from the screen.
func TestDayAtTheCounter(t *testing.T) {
	needTmux(t)
	binary(t) // build once before the runs start in parallel
	for _, tc := range []struct {
		lang       i18n.Lang
		w, h       int
		when, dur  string
		declineWhy string
	}{
		{i18n.Zh, 80, 24, "今天16点到20点", "", "今天没空"},
		{i18n.Zh, 160, 48, "今天16点", "4小时", "今天没空"},
		{i18n.En, 80, 24, "today 16:00", "4h", "busy today"},
		{i18n.En, 120, 40, "today 16:00 to 20:00", "", "busy today"},
	} {
		t.Run(fmt.Sprintf("%s_%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			t.Parallel()
			playDay(t, tc.lang, tc.w, tc.h, tc.when, tc.dur, tc.declineWhy)
		})
	}
}

func playDay(t *testing.T, lang i18n.Lang, w, h int, when, dur, declineWhy string) {
	cat := i18n.New(lang)
	T := cat.T
	db := stationDB(t, "station.db")
	dir := besideDB(db)
	now, err := time.Parse(time.RFC3339, dayNow)
	if err != nil {
		t.Fatal(err)
	}
	tm := StartTerm(t, w, h, []string{"GIGDESK_NOW=" + dayNow}, "--db", db, "--lang", string(lang))

	// Morning: first run with the head's PIN.
	tm.FirstRun("后街零工市场", "王芳", "2468")
	tm.WaitFor(T("app.on_duty", "王芳"), "2026-11-28")

	// A returning employer: 周老板's shop posted a job yesterday (written by another process,
	// as a second counter would).
	seedReturningEmployer(t, db, now)

	// The head adds the counter clerk in Admin; the clerk takes over with F8 and chooses a PIN.
	tm.Keys("F6")
	tm.WaitFor(T("admin.title"), "王芳") // the head's name is in the header already: wait for Admin itself
	tm.Keys("+")
	tm.Type("李娜")
	tm.Keys("Enter")
	tm.WaitFor(upTo(T("admin.staff.added")))
	tm.Keys("F1", "F8")
	tm.WaitFor("李娜")
	tm.Keys("Down", "Enter")
	tm.Type("1357")
	tm.Keys("Enter")
	tm.Type("1357")
	tm.Keys("Enter")
	tm.WaitFor(T("app.on_duty", "李娜"))

	// Three walk-ins at the counter.
	for i, wk := range dayWorkers {
		tm.Keys("C-n")
		tm.WaitFor(T("reg.form.new"))
		tm.Type(wk.name)
		tm.Keys("Enter")
		tm.Type(wk.phone)
		tm.Keys("Enter")
		tm.Type(wk.trade)
		tm.Keys("Enter", "Enter")
		tm.Type(wk.community)
		tm.WaitFor(wk.pick)
		tm.Keys("Enter")
		if i == 0 {
			// gender, birth year, then the ID number: typed with a wrong check digit
			tm.Keys("Tab", "Tab", "Tab")
			tm.Type(badID)
			tm.Keys("C-s")
			scr := tm.WaitFor(strings.Split(T("form.fix_first"), "%s")[0], firstRunes(T("err.idno.checksum"), 5), badID)
			if strings.Contains(scr, T("reg.card.title")) {
				t.Fatalf("a wrong ID number was saved:\n%s", scr)
			}
			tm.Keys("BSpace")
			tm.Type("X")
			tm.Keys("C-s")
		} else {
			tm.Keys("C-s")
		}
		scr := tm.WaitFor(T("reg.saved", wk.name, i+1), valid.MaskPhone(wk.phone))
		if strings.Contains(scr, wk.phone) || strings.Contains(scr, goodID) {
			t.Fatalf("the card shows a phone or ID number in full:\n%s", scr)
		}
		if wk.signIn {
			tm.Keys("C-g")
			tm.WaitFor(wk.name + " " + upTo(strings.TrimPrefix(T("reg.signed_in"), "%s ")))
		}
		tm.Keys("Enter")
	}
	tm.WaitFor(T("reg.today.title", 2, 2))
	registerDuplicate(tm, T)

	// The phone rings: a new employer, then 周老板 again.
	tm.Keys("F2", "n")
	tm.Type("13912340001")
	tm.Keys("Enter")
	tm.WaitFor(T("jobs.employer.new"))
	tm.Keys("Enter") // a resident
	tm.Type("张阿姨")
	tm.Keys("Enter", "Enter") // no separate contact
	tm.Type("后街12号")
	tm.Keys("Enter")
	tm.Type("hj")
	tm.WaitFor("后街社区")
	tm.Keys("Enter")
	tm.Type("sd")
	tm.Keys("Enter")
	tm.Type("1")
	tm.Keys("Enter")
	tm.Type(when)
	tm.Keys("Enter")
	if dur != "" {
		tm.Type(dur)
	} else { // the end typed with the start filled in the duration
		tm.WaitFor(cat.Duration(4 * time.Hour))
	}
	tm.Keys("Enter", "Enter", "Enter")
	tm.Type("300")
	tm.Keys("C-s")
	tm.WaitFor(upTo(T("jobs.card")) + "2")
	tm.Keys("n")
	tm.Type("13912345678")
	tm.Keys("Enter")
	tm.WaitFor(T("jobs.employer.known", "周老板", 1))
	tm.Keys("C-s")
	tm.WaitFor(upTo(T("jobs.card")) + "3")
	nightJob(tm, cat)

	// Matching job 2: both plumbers who signed in are candidates; the first declines, the
	// second accepts and is dispatched.
	tm.Keys("F4", "g")
	tm.Type("2")
	tm.Keys("Enter")
	liu, chen := valid.MaskName("刘建国"), valid.MaskName("陈志强")
	scr := tm.WaitFor(liu, chen)
	if strings.Contains(scr, valid.MaskName("王小梅")) {
		t.Fatalf("a cleaner who is not here is a candidate for plumbing:\n%s", scr)
	}
	if strings.Index(scr, liu) > strings.Index(scr, chen) {
		t.Fatalf("the worker from the job's own community should rank first:\n%s", scr)
	}
	tm.Keys("x")
	tm.WaitFor(T("match.ask.decline"))
	tm.Type(declineWhy)
	tm.Keys("Enter")
	tm.WaitFor(T("match.status.declined"))
	waitGone(t, tm, liu, "the worker who declined is still a candidate")
	tm.Keys("a")
	tm.WaitFor(T("match.ask.pay"), "300.00")
	tm.Keys("Enter")
	tm.WaitFor(firstRunes(T("match.ask.insured"), 6))
	tm.Keys("y")
	// insured: the insurer and policy number are optional questions, skipped with Enter
	dispatched := T("dispatch.status.dispatched", 1, "陈志强", 2)
	skippable := []string{firstRunes(T("ins.ask.insurer"), 4), firstRunes(T("ins.ask.policy"), 4)}
	answered := ""
	for deadline := time.Now().Add(15 * time.Second); ; {
		scr := tm.Screen()
		if strings.Contains(scr, dispatched) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("screen never showed %q; it shows:\n%s", dispatched, scr)
		}
		for _, ask := range skippable {
			if strings.Contains(scr, ask) && ask != answered { // each question once
				tm.Keys("Enter")
				answered = ask
			}
		}
		time.Sleep(150 * time.Millisecond)
	}

	// The day's dispatches: on site, done, paid; the slip saved.
	tm.Keys("t")
	tm.WaitFor(T("dispatch.today.title", 1), chen)
	tm.Keys("i")
	tm.WaitFor(T("dispatch.state.checked_in"))
	tm.Keys("e")
	tm.WaitFor(T("dispatch.state.done"))
	tm.Keys("m")
	tm.WaitFor(T("dispatch.ask.paid"))
	tm.Keys("Enter")
	tm.WaitFor(T("dispatch.paid_short", cat.Money(30000)))
	tm.Keys("C-p")
	tm.WaitFor(upTo(T("slip.saved")))
	checkSlip(t, filepath.Join(dir, "slips", T("slip.file", 1)), cat)

	// Evening: the Summary screen against the report command.
	tm.Keys("F5")
	tm.WaitFor(T("report.fig.workers_registered"), "2026-11-28")
	// F5 counts the day afresh; until then the screen shows the figures it last had, marked
	// as counting: read them once the mark has gone
	waitGone(t, tm, T("sum.loading"), "the Summary never finished counting")
	first := tm.WaitFor(T("report.fig.workers_registered"), "2026-11-28")
	tm.Keys("PageDown")
	time.Sleep(200 * time.Millisecond)
	// the second page: sign-ins are on it or, at 120x40, were the first page's last line
	seen := summaryFigures(t, cat, first+"\n"+tm.WaitForAny(T("report.fig.sign_ins"), T("report.fig.still_open")))
	report := reportJSON(t, db)
	want := map[string]float64{"workers_registered": 3, "employers_registered": 1, "jobs_posted": 3, "places_asked": 5,
		"places_filled": 1, "filled_jobs": 1, "dispatched": 1, "completed": 1, "wages_paid_fen": 30000, "sign_ins": 2}
	for k, v := range want {
		got, ok := seen[k]
		if !ok {
			t.Errorf("the Summary screen shows no %s", k)
			continue
		}
		if got != report[k] {
			t.Errorf("%s: the screen says %v, gigdesk report says %v", k, got, report[k])
		}
		if got != v {
			t.Errorf("%s: the screen says %v, the day had %v", k, got, v)
		}
	}
	if rate, ok := seen["fill_rate"]; !ok || math.Abs(rate-report["fill_rate"]) > 0.05 && math.Abs(rate-100*report["fill_rate"]) > 0.05 {
		t.Errorf("fill rate: the screen says %v, gigdesk report says %v", rate, report["fill_rate"])
	}

	// The day's figures go out as a workbook, saved beside the station file.
	tm.Keys("e")
	tm.WaitFor(upTo(T("report.written")))
	if files, _ := filepath.Glob(filepath.Join(dir, "exports", "*.xlsx")); len(files) != 1 {
		t.Errorf("exported workbooks: %v", files)
	}

	// The corrected ID number is the one kept.
	checkWorkerID(t, db, now)

	// The main screen after the day (the README's capture comes from here).
	tm.Keys("F1")
	tm.WaitFor(T("reg.today.title", 2, 2), "刘建国", "陈志强")
	if path := os.Getenv("GIGDESK_README_CAPTURE"); path != "" && lang == i18n.Zh && w == 80 {
		// the footer's last message (the slip's temp path) fades after 30 s; the capture waits for it
		tm.waitGoneFor(upTo(T("slip.saved")), 40*time.Second)
		scr = tm.WaitFor(T("reg.today.title", 2, 2))
		if err := os.WriteFile(path, []byte(strings.TrimRight(scr, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tm.Keys("F10")
	tm.WaitFor("EXIT=0")
	assertLogClean(t, db, badID) // the wrong ID number was typed, refused, and never saved
}

// firstRunes is the start of a message that may wrap at its field.
func firstRunes(s string, n int) string {
	rs := []rune(s)
	return string(rs[:min(n, len(rs))])
}

// seedReturningEmployer records 周老板's shop and yesterday's job, as if posted the day before.
func seedReturningEmployer(t *testing.T, db string, now time.Time) {
	t.Helper()
	yesterday := now.AddDate(0, 0, -1).Add(-5 * time.Hour) // 09:30 the day before
	s, err := store.Open(db, store.WithClock(func() time.Time { return yesterday }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	staff, err := s.ListStaff(ctx)
	if err != nil || len(staff) == 0 {
		t.Fatalf("no staff after first run: %v", err)
	}
	e, err := s.SaveEmployer(ctx, staff[0].ID, store.Employer{Kind: store.Shop, Name: "周老板", Phone: "13912345678",
		Address: "后街3号", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateJob(ctx, staff[0].ID, e, store.Job{TradeID: 2, Headcount: 2, StartsAt: yesterday.Add(4 * time.Hour),
		Duration: 4 * time.Hour, PayFen: 20000, PayUnit: store.PerDay, Address: "后街3号", CommunityID: 100}); err != nil {
		t.Fatal(err)
	}
}

// checkSlip reads the saved slip: the station, the job number, the worker, the agreed pay and
// both signature lines.
func checkSlip(t *testing.T, path string, cat *i18n.Catalog) {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the slip file: %v", err)
	}
	slip := string(body)
	for _, want := range []string{"后街零工市场", cat.T("slip.title"), "陈志强", "13800138002", "张阿姨",
		cat.Money(30000), cat.T("slip.sign_worker"), cat.T("slip.sign_employer"), "李娜"} {
		if !strings.Contains(slip, want) {
			t.Errorf("the slip lacks %q:\n%s", want, slip)
		}
	}
	jobLine := false
	for _, l := range strings.Split(slip, "\n") {
		if f := strings.Fields(strings.TrimPrefix(l, cat.T("slip.job"))); strings.HasPrefix(l, cat.T("slip.job")) && len(f) > 0 && f[0] == "2" {
			jobLine = true
		}
	}
	if !jobLine {
		t.Errorf("the slip does not name job 2:\n%s", slip)
	}
}

// summaryFigures reads the figures off the Summary screen: a line is a label, then the day's value.
func summaryFigures(t *testing.T, cat *i18n.Catalog, screen string) map[string]float64 {
	t.Helper()
	labels := map[string]string{"workers_registered": "workers_registered", "employers_registered": "employers_registered",
		"jobs_posted": "jobs_posted", "places_asked": "places_asked", "places_filled": "places_filled",
		"filled_jobs": "filled_jobs", "dispatched": "dispatched", "completed": "completed", "wages_paid_fen": "wages_paid",
		"sign_ins": "sign_ins", "fill_rate": "fill_rate"}
	got := map[string]float64{}
	for _, line := range strings.Split(screen, "\n") {
		line = strings.TrimSpace(line)
		for k, fig := range labels {
			label := cat.T("report.fig." + fig)
			rest, ok := strings.CutPrefix(line, label)
			if _, done := got[k]; done || !ok || !strings.HasPrefix(rest, " ") {
				continue
			}
			f := strings.Fields(rest)
			if len(f) == 0 {
				continue
			}
			switch {
			case k == "wages_paid_fen":
				fen, p := valid.ParseYuan(strings.TrimPrefix(f[0], "¥"))
				if p != nil {
					t.Fatalf("wages on screen %q", f[0])
				}
				got[k] = float64(fen)
			default:
				v, err := strconv.ParseFloat(strings.TrimSuffix(f[0], "%"), 64)
				if err != nil {
					t.Fatalf("%s on screen %q: %v", k, line, err)
				}
				got[k] = v
			}
		}
	}
	return got
}

// reportJSON runs `gigdesk report --format json` for today, on the same clock.
func reportJSON(t *testing.T, db string) map[string]float64 {
	t.Helper()
	cmd := exec.Command(binary(t), "report", "--db", db, "--format", "json")
	cmd.Env = append(os.Environ(), "GIGDESK_NOW="+dayNow, "GIGDESK_LANG=")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("gigdesk report: %v", err)
	}
	var raw map[string]any
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if raw["date"] != "2026-11-28" {
		t.Fatalf("the report is of %v, not the station's today", raw["date"])
	}
	got := map[string]float64{}
	for k, v := range raw {
		if f, ok := v.(float64); ok {
			got[k] = f
		}
	}
	return got
}

// checkWorkerID: the first walk-in keeps the corrected ID number, not the mistyped one.
func checkWorkerID(t *testing.T, db string, now time.Time) {
	t.Helper()
	s, err := store.Open(db, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w, err := s.Worker(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if w.Name != "刘建国" || w.IDNumber != goodID {
		t.Fatalf("worker 1 is %s with ID %s", w.Name, valid.MaskID(w.IDNumber))
	}
}

// registerDuplicate types a walk-in with 刘建国's phone: the dialog names the record (工号 1)
// and what an update would change; Enter, the safe default, opens the record unchanged.
func registerDuplicate(tm *Term, T func(string, ...any) string) {
	tm.t.Helper()
	tm.Keys("C-n")
	tm.WaitFor(T("reg.form.new"))
	tm.Type("刘建华")
	tm.Keys("Enter")
	tm.Type("13800138001")
	tm.Keys("Enter")
	tm.Type("sd")
	tm.Keys("Enter", "Enter")
	tm.Keys("C-s")
	tm.WaitFor(T("reg.dup.same_phone"), "刘建国", "刘建华")
	tm.Keys("Enter")
	tm.WaitFor(upTo(T("reg.page.title")), "刘建国")
	tm.Keys("Escape")
}

// nightJob takes 周老板's usual job again as a night job, typed over the usual start: it ends
// the next day, and the list says so.
func nightJob(tm *Term, cat *i18n.Catalog) {
	tm.t.Helper()
	T := cat.T
	tm.Keys("n")
	tm.Type("13912345678")
	tm.Keys("Enter")
	tm.WaitFor(T("jobs.employer.known", "周老板", 2))
	night := "晚上10点到凌晨2点"
	if cat.Lang == i18n.En {
		night = "today 22:00 to 02:00"
	}
	tm.Type(night)
	tm.Keys("Enter")
	// the preview may be cut at 80 columns: its start says the night job's length was read
	tm.WaitFor(cat.Duration(4*time.Hour) + " · " + upTo(T("jobs.dur.until")))
	tm.Keys("C-s")
	tm.WaitFor(upTo(T("jobs.card"))+"4", T("day.next")+"02:00")
}
