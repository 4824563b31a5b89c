package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

// TestFairInEveryReport: the demo's fair of the 28th is in the day's lines, the text, the CSV,
// the JSON and its own xlsx sheet, and the month's figures count it; a day without a fair
// reads as before.
func TestFairInEveryReport(t *testing.T) {
	d, s := demoDoc(t, i18n.Zh, "2026-11-28", "2026-11-28")
	fairs, err := report.LoadFairs(t.Context(), s, d.Sum)
	if err != nil {
		t.Fatal(err)
	}
	d.Fairs = fairs
	if len(fairs.Events) != 1 || fairs.Cur.Firms < 24 || fairs.Cur.Attendees < 100 {
		t.Fatalf("the demo's fair: %+v", fairs.Cur)
	}
	keys := map[string]float64{}
	for _, l := range d.Lines() {
		keys[l.Key] = l.Cur
	}
	f := fairs.Cur
	if keys["fair_firms"] != float64(f.Firms) || keys["fair_positions"] != float64(f.Positions) ||
		keys["fair_attendees"] != float64(f.Attendees) || keys["fair_intentions"] != float64(f.Intentions) {
		t.Fatalf("lines %v, figures %+v", keys, f)
	}
	var txt, csv, js, xl bytes.Buffer
	for _, w := range []struct {
		b    *bytes.Buffer
		fill func(*bytes.Buffer) error
	}{{&txt, func(b *bytes.Buffer) error { return d.WriteText(b) }}, {&csv, func(b *bytes.Buffer) error { return d.WriteCSV(b) }},
		{&js, func(b *bytes.Buffer) error { return d.WriteJSON(b) }}, {&xl, func(b *bytes.Buffer) error { return d.WriteXLSX(b) }}} {
		if err := w.fill(w.b); err != nil {
			t.Fatal(err)
		}
	}
	name := fairs.Events[0].Event.Name
	for what, b := range map[string]*bytes.Buffer{"text": &txt, "csv": &csv} {
		if !strings.Contains(b.String(), name) || !strings.Contains(b.String(), "按企业") {
			t.Errorf("%s lacks the fair", what)
		}
	}
	var j report.JSON
	if err := json.Unmarshal(js.Bytes(), &j); err != nil {
		t.Fatal(err)
	}
	if j.Fairs == nil || j.Fairs.Firms != f.Firms || j.Fairs.Positions != f.Positions || j.Fairs.Attendees != f.Attendees ||
		j.Fairs.Intentions != f.Intentions || len(j.Fairs.Events) != 1 || len(j.Fairs.Events[0].ByFirm) != f.Firms {
		t.Fatalf("json fairs %+v", j.Fairs)
	}
	x, err := excelize.OpenReader(&xl)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("招聘会2026-11-28")
	if err != nil || len(rows) < 8 || rows[0][0] != d.FairTitle(fairs.Events[0]) {
		t.Fatalf("the fair's sheet: %v %v", err, rows)
	}

	// the month counts the fair; a day without one shows no fair line and no "fairs" key
	month, _ := demoDoc(t, i18n.En, "2026-11-01", "2026-11-30")
	mf, err := report.LoadFairs(t.Context(), s, month.Sum)
	if err != nil || mf.Cur != f {
		t.Fatalf("the month's fair figures %+v (%v), the day's %+v", mf.Cur, err, f)
	}
	quiet, qs := demoDoc(t, i18n.Zh, "2026-11-20", "2026-11-20")
	if quiet.Fairs, err = report.LoadFairs(t.Context(), qs, quiet.Sum); err != nil {
		t.Fatal(err)
	}
	js.Reset()
	quiet.WriteJSON(&js)
	if strings.Contains(js.String(), `"fairs"`) {
		t.Error("a day without a fair has a fairs key")
	}
	for _, l := range quiet.Lines() {
		if strings.HasPrefix(l.Key, "fair_") {
			t.Errorf("a day without a fair shows %s", l.Key)
		}
	}
}
