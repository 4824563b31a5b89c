package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"gigdesk/store"
	"gigdesk/store/demo"
)

// reportStation is a demo station with a month of history up to a fixed Saturday evening.
func reportStation(t *testing.T) (string, *store.Store) {
	t.Helper()
	db := stationDB(t, "station.db")
	now := time.Date(2026, 11, 28, 17, 30, 0, 0, store.Shanghai)
	s, err := store.Open(db, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := demo.Generate(context.Background(), s, demo.Defaults()); err != nil {
		t.Fatal(err)
	}
	return db, s
}

func csvRows(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func col(rows [][]string, name string) int {
	for i, c := range rows[0] {
		if c == name {
			return i
		}
	}
	return -1
}

// TestReportCommandJSON runs the built binary: the JSON report of a day holds the store's
// figures, and the exports of the same day hold exactly the records it counts.
func TestReportCommandJSON(t *testing.T) {
	bin := binary(t)
	db, s := reportStation(t)
	dir := t.TempDir()
	for _, day := range []string{"2026-11-27", "2026-11-20"} {
		out, err := exec.Command(bin, "report", "--db", db, "--date", day, "--format", "json").Output()
		if err != nil {
			t.Fatalf("report: %v", err)
		}
		var got map[string]any
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		f, err := s.DayFigures(context.Background(), day, day)
		if err != nil {
			t.Fatal(err)
		}
		for k, want := range map[string]float64{"workers_registered": float64(f.WorkersRegistered), "jobs_posted": float64(f.JobsPosted),
			"dispatched": float64(f.Dispatched), "completed": float64(f.Completed), "wages_paid_fen": float64(f.WagesPaidFen),
			"filled_jobs": float64(f.FilledJobs), "sign_ins": float64(f.SignIns), "no_shows": float64(f.NoShows)} {
			if got[k] != want {
				t.Errorf("%s %s = %v, store says %v", day, k, got[k], want)
			}
		}
		if got["date"] != day || got["from"] != day || got["to"] != day {
			t.Errorf("dates %v %v %v", got["date"], got["from"], got["to"])
		}
		if got["filled_jobs"].(float64) > got["jobs_posted"].(float64) {
			t.Errorf("filled jobs above jobs posted")
		}
		// The exports of that day agree with the report.
		for _, tc := range []struct{ kind, key string }{{"workers", "workers_registered"}, {"employers", "employers_registered"},
			{"jobs", "jobs_posted"}, {"dispatches", "dispatched"}} {
			path := filepath.Join(dir, tc.kind+day+".csv")
			if msg, err := exec.Command(bin, "export", tc.kind, "--db", db, "--from", day, "--to", day, "--out", path).CombinedOutput(); err != nil {
				t.Fatalf("export %s: %v\n%s", tc.kind, err, msg)
			}
			rows := csvRows(t, path)
			n := len(rows) - 1
			if tc.kind == "dispatches" {
				n = 0
				st := col(rows, "派工状态")
				for _, r := range rows[1:] {
					if r[st] != "已取消" {
						n++
					}
				}
			}
			if float64(n) != got[tc.key] {
				t.Errorf("%s: export of %s has %d, report %s = %v", day, tc.kind, n, tc.key, got[tc.key])
			}
		}
	}
}

func TestReportFilesAndMistakes(t *testing.T) {
	bin := binary(t)
	db, s := reportStation(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "month.xlsx")
	msg, err := exec.Command(bin, "report", "--db", db, "--date", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx",
		"--out", xlsx, "--lang", "en").CombinedOutput()
	if err != nil || !strings.Contains(string(msg), xlsx) {
		t.Fatalf("xlsx: %v\n%s", err, msg)
	}
	x, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	if sheets := x.GetSheetList(); sheets[0] != "Figures" || sheets[1] != "By trade" {
		t.Errorf("sheets %v", sheets)
	}
	must(t, x.Close())
	blocker := filepath.Join(dir, "a-file")
	must(t, os.WriteFile(blocker, []byte("not a folder"), 0o600))
	text, err := exec.Command(bin, "report", "--db", db, "--date", "2026-11-27").Output()
	if err != nil || !strings.Contains(string(text), "日报 2026-11-27 周五") || !strings.Contains(string(text), "满足率") {
		t.Fatalf("text report: %v\n%s", err, text)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--db", db, "--format", "pdf"}, "text、csv、json 或 xlsx"},
		{[]string{"report", "--db", db, "--date", "2026-02-30"}, "日期无效"},
		{[]string{"report", "--db", db, "--date", "2026-11-28", "--to", "2026-11-01"}, "结束日期早于开始日期"},
		{[]string{"report", "--db", db, "--date", "2026-11-27", "--out", filepath.Join(blocker, "x.txt")}, "无法写出文件"},
		{[]string{"export", "people", "--db", db}, "workers、employers、jobs 或 dispatches"},
		{[]string{"export", "jobs", "--db", db, "--format", "xlsx"}, "只支持 csv"},
	} {
		cmd := exec.Command(bin, tc.args...)
		cmd.Env = append(os.Environ(), "GIGDESK_LANG=zh")
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), tc.want) || strings.Contains(string(out), "panic") {
			t.Errorf("%v: %v\n%s", tc.args, err, out)
		}
	}
	// A masked export shows no whole phone; --full does, and the audit log says who asked.
	masked, full := filepath.Join(dir, "w.csv"), filepath.Join(dir, "wfull.csv")
	if msg, err := exec.Command(bin, "export", "workers", "--db", db, "--out", masked).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, msg)
	}
	// --full acts with the head's authority: refused without a PIN, or with a clerk's
	if msg, err := exec.Command(bin, "export", "workers", "--db", db, "--out", full, "--full", "--by", "刘红梅").CombinedOutput(); err == nil || !strings.Contains(string(msg), "--pin-stdin") {
		t.Fatalf("--full without a PIN: %v\n%s", err, msg)
	}
	clerk := exec.Command(bin, "export", "workers", "--db", db, "--out", full, "--full", "--by", "陈建军", "--pin-stdin")
	clerk.Stdin = strings.NewReader("1234\n")
	if msg, err := clerk.CombinedOutput(); err == nil || !strings.Contains(string(msg), "只有站长") {
		t.Fatalf("--full by a clerk: %v\n%s", err, msg)
	}
	headRun := exec.Command(bin, "export", "workers", "--db", db, "--out", full, "--full", "--by", "刘红梅", "--pin-stdin")
	headRun.Stdin = strings.NewReader("1234\n")
	if msg, err := headRun.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, msg)
	}
	m, f := csvRows(t, masked), csvRows(t, full)
	p := col(m, "电话")
	if len(m) != len(f) || len(m) < 100 {
		t.Fatalf("%d masked rows, %d full", len(m), len(f))
	}
	for i := 1; i < len(m); i++ {
		if f[i][p] != "" && (m[i][p] == f[i][p] || !strings.Contains(m[i][p], "****") || len(f[i][p]) != 11) {
			t.Fatalf("row %d: masked %q full %q", i, m[i][p], f[i][p])
		}
	}
	audit, err := s.Audit(context.Background(), store.AuditFilter{Entity: "workers"})
	fullRow := -1
	for i, a := range audit {
		if a.Action == "export_full" {
			fullRow = i
		}
	}
	if err != nil || fullRow < 0 || audit[fullRow].StaffID == 0 || !strings.Contains(audit[fullRow].Detail, "file="+full) {
		t.Fatalf("full export not in the audit log under the head with its file: %+v %v", audit, err)
	}
}

// TestSummaryInTerminal opens the Summary screen of a demo station in a real terminal,
// moves a day back, switches to the month and exports it, in zh at 80x24 and en wide.
func TestSummaryInTerminal(t *testing.T) {
	for _, tc := range []struct {
		lang, onDuty, title, figure, month, wrote string
		w, h                                      int
	}{
		{"zh", "现在值班", "日报", "新登记零工", "月报", "已写出", 80, 24},
		{"en", "Now on duty", "Daily report", "Workers registered", "Monthly report", "Wrote", 160, 48},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			db, s := reportStation(t)
			staff, err := s.ListStaff(context.Background())
			if err != nil || len(staff) == 0 {
				t.Fatalf("demo staff: %v %v", staff, err)
			}
			must(t, s.Close())
			tm := StartTerm(t, tc.w, tc.h, nil, "--db", db, "--lang", tc.lang)
			tm.WaitFor(staff[0].Name)
			tm.Keys("Enter")
			tm.OnDuty(demo.PIN)
			tm.WaitFor(tc.onDuty)
			tm.Keys("F5")
			tm.WaitFor(tc.title, tc.figure)
			tm.Keys("Left")
			tm.Keys("m")
			tm.WaitFor(tc.month)
			tm.Keys("e")
			scr := tm.WaitFor(tc.wrote, "exports") // on PostgreSQL the data folder's long path cuts the name short
			if strings.Contains(scr, "«") {
				t.Errorf("a catalogue key is missing:\n%s", scr)
			}
			entries, err := os.ReadDir(filepath.Join(besideDB(db), "exports"))
			must(t, err)
			if len(entries) != 1 {
				t.Errorf("exports folder holds %v", entries)
			}
			tm.Keys("F10")
			tm.WaitFor("EXIT=0")
		})
	}
}
