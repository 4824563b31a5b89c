package report_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/xuri/excelize/v2"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/testdb"
	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

var now = time.Date(2026, 11, 28, 17, 30, 0, 0, store.Shanghai)

func demoDoc(t *testing.T, lang i18n.Lang, from, to string) (*report.Doc, *store.Store) {
	t.Helper()
	s, err := store.Open(testdb.New(t, "station.db"), store.WithLocalDir(t.TempDir()), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if _, err := demo.Generate(ctx, s, demo.Defaults()); err != nil {
		t.Fatal(err)
	}
	sum, err := s.SummaryRange(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	rights, err := report.LoadRights(ctx, s, sum)
	if err != nil {
		t.Fatal(err)
	}
	rec := must(s.Catalog(ctx))(t, "Catalog")
	st := must(s.Settings(ctx))(t, "Settings")
	return &report.Doc{Cat: i18n.New(lang), Rec: rec, Station: st.StationName, Sum: sum, Rights: rights}, s
}

// must stops the test when a read it builds on fails, saying which: x := must(s.Read())(t, "Read").
func must[T any](v T, err error) func(t testing.TB, what string) T {
	return func(t testing.TB, what string) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
}

func TestTextReportGolden(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			d, _ := demoDoc(t, lang, "2026-11-27", "2026-11-27")
			var b bytes.Buffer
			if err := d.WriteText(&b); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

func TestJSONKeysAndValues(t *testing.T) {
	d, _ := demoDoc(t, i18n.Zh, "2026-11-23", "2026-11-29")
	var b bytes.Buffer
	if err := d.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"date", "from", "to", "workers_registered", "employers_registered", "jobs_posted", "headcount_requested",
		"cancelled_jobs", "cancelled_places", "places_asked", "places_filled", "unfilled_places", "missed_places", "dispatched", "filled_jobs", "fill_rate", "completed", "no_shows", "disputes", "wages_paid_fen", "median_minutes_to_dispatch",
		"priority_group_dispatched", "service_visits", "sign_ins", "still_open", "by_trade", "by_community"} {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	f := d.Sum.Cur
	if m["from"] != "2026-11-23" || m["to"] != "2026-11-29" || m["dispatched"].(float64) != float64(f.Dispatched) ||
		m["wages_paid_fen"].(float64) != float64(f.WagesPaidFen) || m["jobs_posted"].(float64) != float64(f.JobsPosted) {
		t.Errorf("values differ from the figures: %s", b.String())
	}
	if m["places_asked"].(float64) != m["places_filled"].(float64)+m["unfilled_places"].(float64) ||
		m["headcount_requested"].(float64) != m["places_asked"].(float64)+m["cancelled_places"].(float64) {
		t.Errorf("places do not add up: %s", b.String())
	}
	visits := m["service_visits"].(map[string]any)
	if len(visits) != 5 || visits["guidance"].(float64) != float64(f.Visits[store.VisitGuidance]) {
		t.Errorf("service_visits %v", visits)
	}
	var sum float64
	for _, a := range m["by_trade"].([]any) {
		sum += a.(map[string]any)["dispatched"].(float64)
	}
	if sum != float64(f.Dispatched) || f.Dispatched == 0 {
		t.Errorf("by_trade dispatched adds up to %v, total %d", sum, f.Dispatched)
	}
}

func TestXLSXReadBack(t *testing.T) {
	for _, tc := range []struct {
		lang                 i18n.Lang
		first, trade, wageHd string
	}{
		{i18n.Zh, "概况", "按工种", "已付工资（按付款时间）"},
		{i18n.En, "Figures", "By trade", "Wages paid (by payment time)"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			d, _ := demoDoc(t, tc.lang, "2026-11-01", "2026-11-30")
			var b bytes.Buffer
			if err := d.WriteXLSX(&b); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(&b)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			sheets := x.GetSheetList()
			if len(sheets) != len(d.Tables()) || sheets[0] != tc.first || sheets[1] != tc.trade {
				t.Fatalf("sheets %v", sheets)
			}
			// Figures: numbers stored as numbers, money in 元 with a 0.00 format.
			rows := must(x.GetRows(tc.first))(t, "GetRows")
			wageRow := 0
			for i, r := range rows {
				if len(r) > 0 && r[0] == d.Cat.T("report.fig.wages_paid") {
					wageRow = i + 1
				}
			}
			if wageRow == 0 {
				t.Fatalf("no wages row in %v", rows)
			}
			cell := must(excelize.CoordinatesToCellName(2, wageRow))(t, "CoordinatesToCellName")
			typ := must(x.GetCellType(tc.first, cell))(t, "GetCellType")
			raw := must(x.GetCellValue(tc.first, cell, excelize.Options{RawCellValue: true}))(t, "GetCellValue")
			shown := must(x.GetCellValue(tc.first, cell))(t, "GetCellValue")
			want := float64(d.Sum.Cur.WagesPaidFen) / 100
			got, err := strconv.ParseFloat(raw, 64)
			if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString || err != nil || math.Abs(got-want) > 1e-9 || want == 0 {
				t.Errorf("wages cell %s: type %v raw %q, want the number %v", cell, typ, raw, want)
			}
			if shown != fmt.Sprintf("%.2f", want) {
				t.Errorf("wages shown as %q, want %.2f", shown, want)
			}
			style := must(x.GetCellStyle(tc.first, cell))(t, "GetCellStyle")
			st := must(x.GetStyle(style))(t, "GetStyle")
			if st == nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "0.00" {
				t.Errorf("wages cell style %+v", st)
			}
			// By trade: a header in the language, widths set, dispatched adds up.
			tr := must(x.GetRows(tc.trade))(t, "GetRows")
			if len(tr) < 3 || !contains(tr[1], tc.wageHd) {
				t.Fatalf("by-trade header %v", tr)
			}
			if w := must(x.GetColWidth(tc.trade, "A"))(t, "GetColWidth"); w < 6 {
				t.Errorf("column A width %v", w)
			}
			col := index(tr[1], d.Cat.T("report.fig.dispatched"))
			total := 0
			for i := 2; i < len(tr); i++ {
				ref := must(excelize.CoordinatesToCellName(col+1, i+1))(t, "CoordinatesToCellName")
				v := must(x.GetCellValue(tc.trade, ref, excelize.Options{RawCellValue: true}))(t, "GetCellValue")
				n, err := strconv.Atoi(v)
				if err != nil {
					t.Fatalf("dispatched cell %s = %q is not a whole number", ref, v)
				}
				total += n
			}
			if total != d.Sum.Cur.Dispatched {
				t.Errorf("by-trade dispatched adds up to %d, figures say %d", total, d.Sum.Cur.Dispatched)
			}
		})
	}
}

func contains(r []string, s string) bool { return index(r, s) >= 0 }

func index(r []string, s string) int {
	for i, c := range r {
		if c == s {
			return i
		}
	}
	return -1
}

func TestCSVReportAndExport(t *testing.T) {
	d, s := demoDoc(t, i18n.Zh, "2026-11-27", "2026-11-27")
	var b bytes.Buffer
	if err := d.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&b)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, rec := range recs {
		if len(rec) == 4 && rec[0] == "已付工资（按付款时间）" {
			found = rec[1] == strings.TrimPrefix(d.Cat.Money(d.Sum.Cur.WagesPaidFen), "¥")
		}
	}
	if !found {
		t.Fatalf("wages row missing or not in 元: %v", recs[:5])
	}
	// The dispatches export of the day: headers in Chinese, one row per dispatch, phones masked.
	var out bytes.Buffer
	e, err := report.NewExportCSV(&out, d.Cat, d.Rec, store.Shanghai, store.ExportDispatches)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Export(context.Background(), 0, store.ExportRequest{Kind: store.ExportDispatches, From: "2026-11-27"}, e.Row); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatalf("close the dispatches export: %v", err)
	}
	text := strings.TrimPrefix(out.String(), report.BOM)
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	live := 0
	status := index(rows[0], "派工状态")
	for _, r := range rows[1:] {
		if r[status] != "已取消" {
			live++
		}
	}
	if rows[0][0] != "编号" || live != d.Sum.Cur.Dispatched {
		t.Fatalf("export header %v, %d not cancelled, report says %d", rows[0], live, d.Sum.Cur.Dispatched)
	}
	var workers bytes.Buffer
	e = must(report.NewExportCSV(&workers, d.Cat, d.Rec, store.Shanghai, store.ExportWorkers))(t, "NewExportCSV")
	if err := s.Export(context.Background(), 0, store.ExportRequest{Kind: store.ExportWorkers}, e.Row); err != nil {
		t.Fatalf("export the workers: %v", err)
	}
	if err := e.Close(); err != nil {
		t.Fatalf("close the workers export: %v", err)
	}
	wrows := must(csv.NewReader(strings.NewReader(strings.TrimPrefix(workers.String(), report.BOM))).ReadAll())(t, "read the workers export")
	phone := index(wrows[0], "电话")
	for _, r := range wrows[1:] {
		if r[phone] != "" && !strings.Contains(r[phone], "****") {
			t.Fatalf("phone %q not masked", r[phone])
		}
	}
}

func TestBarAndSparkline(t *testing.T) {
	for _, tc := range []struct {
		n, most, w int
		want       string
	}{
		{0, 10, 10, ""},
		{10, 10, 4, "████"},
		{5, 10, 4, "██"},
		{1, 100, 4, "▏"}, // a little is never drawn as nothing
		{3, 8, 1, "▍"},
	} {
		if got := report.Bar(tc.n, tc.most, tc.w); got != tc.want {
			t.Errorf("Bar(%d, %d, %d) = %q, want %q", tc.n, tc.most, tc.w, got, tc.want)
		}
	}
	if got := report.Sparkline([]int{0, 1, 4, 8}); got != " ▁▄█" {
		t.Errorf("Sparkline = %q", got)
	}
	if got := report.Sparkline([]int{0, 0}); got != "  " {
		t.Errorf("Sparkline of nothing = %q", got)
	}
	for _, tc := range []struct {
		cur, base float64
		want      string
	}{{2, 1, "▲"}, {1, 2, "▼"}, {1, 1, "="}, {5, -1, " "}} {
		if got := report.Mark(tc.cur, tc.base); got != tc.want {
			t.Errorf("Mark(%v, %v) = %q", tc.cur, tc.base, got)
		}
	}
}

// The rights-and-rules figures reach the JSON under their stable keys, the text and the
// workbook, for the period and the ones it is compared with, as store.RightsFigures counts them.
func TestRightsFiguresInReports(t *testing.T) {
	_, s := demoDoc(t, i18n.En, "2026-11-28", "2026-11-28")
	ctx := context.Background()
	staff, err := s.ListStaff(ctx)
	if err != nil || len(staff) == 0 {
		t.Fatalf("staff: %v %v", staff, err)
	}
	head := staff[0].ID
	for _, st := range staff {
		if st.Role == store.RoleHead {
			head = st.ID
		}
	}
	ws := []store.Worker{}
	for id := int64(1); id <= 2; id++ {
		w, err := s.Worker(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		ws = append(ws, w)
	}
	// today: three cases opened, one resolved; one referral
	var first store.RightsCase
	for i := range 3 {
		c, err := s.OpenCase(ctx, head, store.RightsCase{Kind: store.CaseTerms, OpenedBy: store.ByWorker, WorkerID: ws[i%2].ID, Summary: "工时说不清"})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = c
		}
	}
	if _, err := s.UpdateCase(ctx, head, first.ID, store.CaseStep{Status: store.CaseResolved, Note: "已说清"}); err != nil {
		t.Fatal(err)
	}
	o, err := s.SaveOffer(ctx, head, store.TrainingOffer{Title: "低压电工培训"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Refer(ctx, head, ws[0].ID, o.ID, 0); err != nil {
		t.Fatal(err)
	}
	sum, err := s.SummaryRange(ctx, "2026-11-28", "2026-11-28")
	if err != nil {
		t.Fatal(err)
	}
	rights, err := report.LoadRights(ctx, s, sum)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct {
		got      store.RightsFigures
		from, to string
	}{{rights.Cur, sum.Cur.From, sum.Cur.To}, {rights.Prev, sum.Prev.From, sum.Prev.To}, {rights.Last7, sum.Last7.From, sum.Last7.To}} {
		want, err := s.RightsFigures(ctx, p.from, p.to)
		if err != nil || want != p.got {
			t.Errorf("%s..%s: loaded %+v, store says %+v (%v)", p.from, p.to, p.got, want, err)
		}
	}
	if rights.Cur.CasesOpened < 3 || rights.Cur.CasesResolved < 1 || rights.Cur.TrainingReferrals < 1 {
		t.Fatalf("today's rights figures: %+v", rights.Cur)
	}
	rec := must(s.Catalog(ctx))(t, "Catalog")
	d := &report.Doc{Cat: i18n.New(i18n.En), Rec: rec, Sum: sum, Rights: rights}
	var b bytes.Buffer
	if err := d.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	r := rights.Cur
	for k, want := range map[string]int{"rights_cases_opened": r.CasesOpened, "rights_cases_resolved": r.CasesResolved,
		"training_referrals": r.TrainingReferrals, "insured_dispatches": r.InsuredDispatches, "below_guide_jobs": r.BelowGuideJobs} {
		if got, ok := m[k].(float64); !ok || int(got) != want {
			t.Errorf("JSON %s = %v, want %d", k, m[k], want)
		}
	}
	b.Reset()
	if err := d.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Rights cases opened", "Rights cases resolved", "Training referrals", "Insured dispatches", "Jobs below guide pay"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	found := false
	for _, row := range d.FigureRows() {
		if row[0] == "Rights cases opened" {
			found = row[1] == fmt.Sprint(r.CasesOpened)
		}
	}
	if !found {
		t.Errorf("figure rows lack rights cases opened = %d: %v", r.CasesOpened, d.FigureRows())
	}
}

// TestWorkbookIsDatedWhenMade: every entry of the xlsx zip carries the report's time, not 1980.
func TestWorkbookIsDatedWhenMade(t *testing.T) {
	d, _ := demoDoc(t, i18n.Zh, "2026-11-27", "2026-11-27")
	d.Made = time.Date(2026, 11, 28, 17, 30, 0, 0, store.Shanghai)
	var b bytes.Buffer
	if err := d.WriteXLSX(&b); err != nil {
		t.Fatalf("write xlsx: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatalf("the workbook is no zip: %v", err)
	}
	for _, f := range zr.File {
		if got := f.Modified.Format("2006-01-02 15:04"); got != "2026-11-28 17:30" {
			t.Errorf("%s is dated %s", f.Name, got)
		}
	}
	if _, err := excelize.OpenReader(bytes.NewReader(b.Bytes())); err != nil {
		t.Fatalf("the restamped workbook does not open: %v", err)
	}
}
