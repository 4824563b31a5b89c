package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

// The terminal's lines: absent when no period used it, else right after the sign-ins, each
// period's figure as counted and the 7 periods' average a seventh of their sum.
func TestSelfLinesArithmetic(t *testing.T) {
	base := (&report.Doc{Cat: i18n.New(i18n.Zh)}).Lines()
	cases := []struct {
		name string
		self store.SelfSummary
		want map[string][3]float64 // key: cur, prev, avg
	}{
		{"none", store.SelfSummary{}, nil},
		{"today only", store.SelfSummary{Cur: store.SelfFigures{SignIns: 3, Requests: 2, Dispatched: 1}},
			map[string][3]float64{"self_sign_ins": {3, 0, 0}, "self_requests": {2, 0, 0}, "self_dispatched": {1, 0, 0}, "self_withdrawn": {0, 0, 0}}},
		{"yesterday only", store.SelfSummary{Prev: store.SelfFigures{Withdrawn: 1, Requests: 1}},
			map[string][3]float64{"self_sign_ins": {0, 0, 0}, "self_requests": {0, 1, 0}, "self_withdrawn": {0, 1, 0}}},
		{"the 7 before", store.SelfSummary{Cur: store.SelfFigures{SignIns: 1}, Last7: store.SelfFigures{SignIns: 14, Requests: 7, Dispatched: 3, Withdrawn: 1}},
			map[string][3]float64{"self_sign_ins": {1, 0, 2}, "self_requests": {0, 0, 1}, "self_dispatched": {0, 0, 3.0 / 7}, "self_withdrawn": {0, 0, 1.0 / 7}}},
	}
	for _, c := range cases {
		d := &report.Doc{Cat: i18n.New(i18n.Zh), Sum: store.Summary{Self: c.self}}
		lines := d.Lines()
		if c.want == nil {
			if len(lines) != len(base) {
				t.Errorf("%s: %d lines, %d before there was a terminal", c.name, len(lines), len(base))
			}
			continue
		}
		if len(lines) != len(base)+4 {
			t.Fatalf("%s: %d lines, want %d", c.name, len(lines), len(base)+4)
		}
		at := map[string]int{}
		for i, l := range lines {
			at[l.Key] = i
		}
		if at["self_sign_ins"] != at["sign_ins"]+1 || !lines[at["self_sign_ins"]].Sub || lines[at["self_requests"]].Sub {
			t.Errorf("%s: placed %v", c.name, at)
		}
		for k, w := range c.want {
			l := lines[at[k]]
			if got := [3]float64{l.Cur, l.Prev, l.Avg}; math.Abs(got[0]-w[0])+math.Abs(got[1]-w[1])+math.Abs(got[2]-w[2]) > 1e-9 {
				t.Errorf("%s: %s = %v, want %v", c.name, k, got, w)
			}
		}
	}
}

// selfDay has a worker sign in at the terminal on the demo's last day, ask for a job open
// tomorrow and be dispatched to it; a second asks and takes it back.
func selfDay(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	open := must(s.OpenJobs(ctx, "2026-11-28", 50))(t, "OpenJobs")
	if len(open) == 0 {
		t.Fatal("the demo has no job open into tomorrow")
	}
	j := open[0]
	for i, phone := range []string{"13700009991", "13700009992"} {
		w := must(s.CreateWorker(ctx, 1, store.Worker{Name: "自助测试", BirthYear: 1980, Phone: phone, CommunityID: j.CommunityID,
			Trades: []store.WorkerTrade{{TradeID: j.TradeID, Years: 2}}}))(t, "CreateWorker")
		must(s.SelfSignIn(ctx, w.ID))(t, "SelfSignIn")
		must(s.AskForJob(ctx, w.ID, j.JobID))(t, "AskForJob")
		if i == 0 {
			must(s.Dispatch(ctx, 1, store.DispatchInput{JobID: j.JobID, WorkerID: w.ID}))(t, "Dispatch")
		} else if err := s.WithdrawRequest(ctx, w.ID, j.JobID); err != nil {
			t.Fatal(err)
		}
	}
}

// The terminal's figures are in the text, the CSV, the JSON and the workbook of a day it was
// used; a day before it was reads as before (no lines, no JSON key, no note).
func TestSelfServiceInEveryReport(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		d, s := demoDoc(t, lang, "2026-11-28", "2026-11-28")
		if strings.Contains(must(text(d))(t, "text"), d.Cat.T("report.fig.self_requests")) {
			t.Fatal("the demo's day shows self-service before there was any")
		}
		selfDay(t, s)
		d.Sum = must(s.SummaryRange(context.Background(), "2026-11-28", "2026-11-28"))(t, "SummaryRange")
		if want := (store.SelfFigures{SignIns: 2, Requests: 2, Dispatched: 1, Withdrawn: 1}); d.Sum.Self.Cur != want {
			t.Fatalf("%s: the day's self-service %+v, want %+v", lang, d.Sum.Self.Cur, want)
		}
		txt := must(text(d))(t, "text")
		for _, k := range []string{"report.fig.self_sign_ins", "report.fig.self_requests", "report.fig.self_dispatched", "report.note.self"} {
			if !strings.Contains(txt, d.Cat.T(k)) {
				t.Errorf("%s: the text lacks %s:\n%s", lang, k, txt)
			}
		}
		var csv, js, xl bytes.Buffer
		must(0, d.WriteCSV(&csv))(t, "csv")
		if !strings.Contains(csv.String(), d.Cat.T("report.fig.self_requests")+",2,0,0\n") {
			t.Errorf("%s: the CSV lacks the requests row:\n%s", lang, csv.String())
		}
		must(0, d.WriteJSON(&js))(t, "json")
		var j report.JSON
		must(0, json.Unmarshal(js.Bytes(), &j))(t, "json")
		if j.SelfService == nil || *j.SelfService != (report.JSONSelf{SignIns: 2, Requests: 2, Dispatched: 1, Withdrawn: 1, DispatchRate: 0.5}) {
			t.Errorf("%s: json self_service %+v", lang, j.SelfService)
		}
		must(0, d.WriteXLSX(&xl))(t, "xlsx")
		x := must(excelize.OpenReader(&xl))(t, "xlsx")
		rows := must(x.GetRows(d.Cat.T("report.sheet.figures")))(t, "rows")
		x.Close()
		found := false
		for _, r := range rows {
			found = found || len(r) > 1 && strings.TrimSpace(r[0]) == d.Cat.T("report.fig.self_dispatched") && r[1] == "1"
		}
		if !found {
			t.Errorf("%s: the workbook lacks the dispatched row: %v", lang, rows)
		}
	}
}

func text(d *report.Doc) (string, error) {
	var b bytes.Buffer
	err := d.WriteText(&b)
	return b.String(), err
}
