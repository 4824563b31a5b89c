package report_test

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

// TestFairFourFiguresFromTheRecords: the bureau's four figures in the report (its lines and
// its JSON) for the demo's fair (dozens of firms, hundreds at the door) are what counting the
// rows of the fair's own tables gives: firms taking part, the positions' head-count summed,
// attendees, and the attendees with at least one intention.
func TestFairFourFiguresFromTheRecords(t *testing.T) {
	d, s := demoDoc(t, i18n.Zh, "2026-11-28", "2026-11-28")
	fairs, err := report.LoadFairs(t.Context(), s, d.Sum)
	if err != nil || len(fairs.Events) != 1 {
		t.Fatalf("the demo's fair: %v %+v", err, fairs)
	}
	d.Fairs = fairs
	ev := strconv.FormatInt(fairs.Events[0].Event.ID, 10)
	rows := func(table string) [][]string {
		var out [][]string
		for _, r := range must(s.DumpTable(t.Context(), table))(t, table) {
			if f := strings.Split(r, "|"); f[1] == ev { // event_id is every fair table's second column
				out = append(out, f)
			}
		}
		return out
	}
	places := 0
	for _, p := range rows("event_positions") {
		n, err := strconv.Atoi(p[5]) // headcount
		if err != nil {
			t.Fatal(err)
		}
		places += n
	}
	agreed := map[string]bool{}
	for _, i := range rows("event_intentions") {
		agreed[i[2]] = true // attendee_id
	}
	want := store.FairFigures{Firms: len(rows("event_firms")), Positions: places, Attendees: len(rows("event_attendees")), Intentions: len(agreed)}
	if want.Firms < 24 || want.Attendees < 100 || want.Intentions == 0 {
		t.Fatalf("the demo's fair is smaller than this test expects: %+v", want)
	}
	got := map[string]float64{}
	for _, l := range d.Lines() {
		got[l.Key] = l.Cur
	}
	if got["fair_firms"] != float64(want.Firms) || got["fair_positions"] != float64(want.Positions) ||
		got["fair_attendees"] != float64(want.Attendees) || got["fair_intentions"] != float64(want.Intentions) {
		t.Fatalf("report lines %v, the records say %+v", got, want)
	}
	var js bytes.Buffer
	if err := d.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var j report.JSON
	if err := json.Unmarshal(js.Bytes(), &j); err != nil {
		t.Fatal(err)
	}
	if j.Fairs == nil || j.Fairs.Firms != want.Firms || j.Fairs.Positions != want.Positions || j.Fairs.Attendees != want.Attendees ||
		j.Fairs.Intentions != want.Intentions {
		t.Fatalf("json %+v, the records say %+v", j.Fairs, want)
	}
	t.Logf("the demo fair: %d firms, %d places, %d job seekers, %d agreed", want.Firms, want.Positions, want.Attendees, want.Intentions)
}
