package report_test

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

// The fairness section reaches the JSON (new keys beside the old), the CSV and the xlsx with
// the store's figures.
func TestFairnessInEveryFile(t *testing.T) {
	d, _ := demoDoc(t, i18n.En, "2026-11-27", "2026-11-27")
	f, f30 := d.Sum.Fairness, d.Sum.Fairness30
	if f30.GiniWorkers == 0 || f.Shares.SignIns == 0 || len(f30.Waiting) == 0 {
		t.Fatalf("the demo month has no fairness figures: %+v %+v", f, f30)
	}
	var b bytes.Buffer
	if err := d.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		StillOpen *int                `json:"still_open"` // an old key, still there
		Fairness  report.JSONFairness `json:"fairness"`
		Month     report.JSONFairness `json:"fairness_30_days"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	j := doc.Month
	if doc.StillOpen == nil || j.From != f30.From || j.GiniWorkers != f30.GiniWorkers || math.Abs(j.GiniDaysWorked-f30.Gini) > 1e-4 ||
		j.SignIns != f30.Shares.SignIns || j.Priority.Dispatches != f30.Shares.Priority.Dispatches ||
		len(j.ByGroup) != len(f30.Shares.ByGroup) || j.WaitingTotal != f30.WaitingTotal || j.Waiting[0].Name != f30.Waiting[0].Name ||
		j.Waiting[0].Reason != f30.Waiting[0].Reason || doc.Fairness.From != "2026-11-27" || doc.Fairness.MinSignInDays != 1 {
		t.Errorf("json fairness %+v\nwant %+v", j, f30)
	}
	b.Reset()
	if err := d.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	csv := b.String()
	for _, want := range []string{"Fair shares", "Gini of days worked", "Signed in most, never dispatched", f30.Waiting[0].Name} {
		if !strings.Contains(csv, want) {
			t.Errorf("the CSV lacks %q", want)
		}
	}
	b.Reset()
	if err := d.WriteXLSX(&b); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows("Waiting")
	if err != nil || len(rows) < 3 || !strings.Contains(strings.Join(rows[2], " "), f30.Waiting[0].Name) {
		t.Errorf("the xlsx's Waiting sheet: %v %q", err, rows)
	}
}
