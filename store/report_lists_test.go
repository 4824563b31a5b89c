package store_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"gigdesk/store"
)

func TestSummaryListsMatchFigures(t *testing.T) {
	s := demoStore(t)
	sum, err := s.Summary(context.Background(), store.SpanDay, "2026-11-27")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Cur.From != "2026-11-27" || sum.Prev.From != "2026-11-26" || sum.Last7.From != "2026-11-20" || sum.Last7.To != "2026-11-26" {
		t.Fatalf("periods: cur %s..%s prev %s last7 %s..%s", sum.Cur.From, sum.Cur.To, sum.Prev.From, sum.Last7.From, sum.Last7.To)
	}
	if len(sum.Open) != min(sum.Cur.OpenIntoTomorrow, store.ListLimit) {
		t.Errorf("%d open jobs listed, %d counted", len(sum.Open), sum.Cur.OpenIntoTomorrow)
	}
	kinds := map[store.IssueKind]int{}
	for _, is := range sum.Issues {
		kinds[is.Kind]++
	}
	if kinds[store.IssueNoShow] != sum.Cur.NoShows || kinds[store.IssueDispute] != sum.Cur.Disputes || kinds[store.IssueUnpaid] != sum.Cur.Unpaid {
		t.Errorf("issues listed %v; counted no-shows %d disputes %d unpaid %d", kinds, sum.Cur.NoShows, sum.Cur.Disputes, sum.Cur.Unpaid)
	}
	if len(sum.Trend) != store.TrendDays || sum.Trend[len(sum.Trend)-1].Day != "2026-11-27" || sum.Trend[len(sum.Trend)-1].Count != sum.Cur.Dispatched {
		t.Errorf("trend ends %v, dispatched %d", sum.Trend[len(sum.Trend)-1], sum.Cur.Dispatched)
	}
}

func TestExportMasksUnlessFull(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	masked := exportAll(t, s, store.ExportWorkers, "", "")
	before := must(s.Audit(ctx, store.AuditFilter{Entity: "workers"}))(t)
	var full []map[string]any
	cols := must(store.ExportColumns(store.ExportWorkers))(t)
	err := s.Export(ctx, 1, store.ExportRequest{Kind: store.ExportWorkers, Full: true}, func(row []any) error {
		m := map[string]any{}
		for i, c := range cols {
			m[c.Name] = row[i]
		}
		full = append(full, m)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	after := must(s.Audit(ctx, store.AuditFilter{Entity: "workers"}))(t)
	if len(after) != len(before)+1 || after[0].Action != "export_full" || after[0].StaffID != 1 {
		t.Fatalf("full export not audited: %+v", after)
	}
	if strings.ContainsAny(after[0].Detail, "0123456789") && after[0].Detail != "all" {
		t.Fatalf("audit detail %q", after[0].Detail)
	}
	seenPhone := false
	for i := range masked {
		p, fp := masked[i]["phone"].(string), full[i]["phone"].(string)
		if fp == "" {
			continue
		}
		seenPhone = true
		if !strings.Contains(p, "****") || p == fp || len(p) != len(fp) {
			t.Fatalf("phone %q not masked (full %q)", p, fp)
		}
		if id := masked[i]["id_number"].(string); id != "" && !strings.Contains(id, "*") {
			t.Fatalf("ID number %q not masked", id)
		}
	}
	if !seenPhone {
		t.Fatal("no phones in the demo workers")
	}
}

func TestMedianMinutes(t *testing.T) {
	for _, tc := range []struct {
		h    []store.MinuteCount
		want float64
	}{
		{nil, -1},
		{[]store.MinuteCount{{5, 0}}, -1},
		{[]store.MinuteCount{{7, 1}}, 7},
		{[]store.MinuteCount{{10, 1}, {2, 1}}, 6},
		{[]store.MinuteCount{{30, 2}, {1, 1}}, 30},
		{[]store.MinuteCount{{1, 3}, {100, 1}}, 1},
		{[]store.MinuteCount{{1, 2}, {100, 2}}, 50.5},
		{[]store.MinuteCount{{9, 1}, {3, 2}, {5, 1}, {7, 1}}, 5},
	} {
		if got := store.MedianMinutes(tc.h); got != tc.want {
			t.Errorf("MedianMinutes(%v) = %v, want %v", tc.h, got, tc.want)
		}
	}
}

func TestCompareAndAverage(t *testing.T) {
	for _, tc := range []struct {
		cur, base float64
		diff      float64
		mark      store.Mark
	}{
		{5, 3, 2, store.Up},
		{3, 5, -2, store.Down},
		{4, 4, 0, store.Same},
		{0, 0, 0, store.Same},
		{2, 0, 2, store.Up},
		{12, -1, 0, store.NoBase},
		{-1, 12, 0, store.NoBase},
		{0.3333333, 0.3333334, 0, store.Same},
	} {
		d, m := store.Compare(tc.cur, tc.base)
		if m != tc.mark || math.Abs(d-tc.diff) > 1e-6 {
			t.Errorf("Compare(%v, %v) = %v, %v; want %v, %v", tc.cur, tc.base, d, m, tc.diff, tc.mark)
		}
	}
	for _, tc := range []struct {
		total float64
		n     int
		want  float64
	}{{14, 7, 2}, {10, 7, 10.0 / 7}, {0, 7, 0}, {5, 0, 0}} {
		if got := store.Average(tc.total, tc.n); got != tc.want {
			t.Errorf("Average(%v, %d) = %v", tc.total, tc.n, got)
		}
	}
	for _, tc := range []struct {
		part, whole int
		want        float64
	}{{1, 2, 0.5}, {0, 0, 0}, {3, 3, 1}, {2, 0, 0}} {
		if got := store.Ratio(tc.part, tc.whole); got != tc.want {
			t.Errorf("Ratio(%d, %d) = %v", tc.part, tc.whole, got)
		}
	}
}

func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		span     store.Span
		day      string
		n        int
		from, to string
	}{
		{store.SpanDay, "2026-11-28", 0, "2026-11-28", "2026-11-28"},
		{store.SpanDay, "2026-11-28", -1, "2026-11-27", "2026-11-27"},
		{store.SpanDay, "2026-03-01", -1, "2026-02-28", "2026-02-28"},
		{store.SpanWeek, "2026-11-28", 0, "2026-11-23", "2026-11-29"}, // Saturday → Mon..Sun
		{store.SpanWeek, "2026-11-23", 0, "2026-11-23", "2026-11-29"}, // Monday
		{store.SpanWeek, "2026-11-29", 0, "2026-11-23", "2026-11-29"}, // Sunday
		{store.SpanWeek, "2026-11-28", -1, "2026-11-16", "2026-11-22"},
		{store.SpanWeek, "2026-11-28", -7, "2026-10-05", "2026-10-11"},
		{store.SpanMonth, "2026-11-28", 0, "2026-11-01", "2026-11-30"},
		{store.SpanMonth, "2026-03-31", -1, "2026-02-01", "2026-02-28"},
		{store.SpanMonth, "2026-01-15", -1, "2025-12-01", "2025-12-31"},
		{store.SpanMonth, "2026-11-28", -7, "2026-04-01", "2026-04-30"},
	} {
		from, to, err := store.Period(tc.span, tc.day, tc.n)
		if err != nil || from != tc.from || to != tc.to {
			t.Errorf("Period(%s, %s, %d) = %s..%s %v; want %s..%s", tc.span, tc.day, tc.n, from, to, err, tc.from, tc.to)
		}
	}
	if _, _, err := store.Period(store.SpanDay, "2026-13-01", 0); store.ErrorCode(err) != store.Invalid {
		t.Errorf("bad date: %v", err)
	}
	s := demoStore(t)
	if _, err := s.DayFigures(context.Background(), "2026-11-28", "2026-11-01"); store.AsError(err) == nil || store.AsError(err).Key != "report.range" {
		t.Errorf("reversed range: %v", err)
	}
}

func sprint(v any) string { return fmt.Sprintf("%+v", v) }

// mapStr prints a map in key order, without its zero entries.
func mapStr[K ~string](m map[K]int) string {
	keys := make([]string, 0, len(m))
	for k, v := range m {
		if v != 0 {
			keys = append(keys, string(k))
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%d ", k, m[K(k)])
	}
	return b.String()
}

func osMkdirTemp() (string, error) { return os.MkdirTemp("", "gigdesk-report") }
