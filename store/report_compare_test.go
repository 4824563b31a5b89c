package store_test

import (
	"context"
	"testing"

	"gigdesk/store"
)

// recounted is DayFigures over compared figures' own range, without the splits by trade,
// community and hour that only the period itself shows: what the compared figures must equal.
func recounted(t *testing.T, s *store.Store, compared store.Figures) store.Figures {
	t.Helper()
	want, err := s.DayFigures(context.Background(), compared.From, compared.To)
	if err != nil {
		t.Fatal(err)
	}
	want.ByTrade, want.ByCommunity, want.JobsByHour = nil, nil, [24]int{}
	return want
}

// The summary computes the period before and the 7 before in one pass; each must hold the
// same figures as DayFigures over its own range (all but the splits by trade, community and hour).
func TestSummaryComparedFiguresEqualDayFigures(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	cases := []struct {
		span store.Span
		day  string
		to   string // a SummaryRange when set
	}{
		{store.SpanDay, "2026-11-27", ""},
		{store.SpanDay, "2026-11-03", ""},
		{store.SpanWeek, "2026-11-25", ""},
		{store.SpanMonth, "2026-11-15", ""},
		{store.SpanRange, "2026-11-20", "2026-11-23"},
	}
	for _, c := range cases {
		t.Run(string(c.span)+" "+c.day, func(t *testing.T) {
			var sum store.Summary
			var err error
			if c.to != "" {
				sum, err = s.SummaryRange(ctx, c.day, c.to)
			} else {
				sum, err = s.Summary(ctx, c.span, c.day)
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, got := range []store.Figures{sum.Prev, sum.Last7} {
				want := recounted(t, s, got)
				if got.Dispatched == 0 && got.JobsPosted == 0 && c.span != store.SpanMonth {
					t.Errorf("%s..%s: nothing counted; the demo data should have work on these days", got.From, got.To)
				}
				compareFigures(t, got, want)
			}
		})
	}
}

// November has 30 days: its month's fairness is its last 30 days', counted once and the same.
func TestMonthFairnessIsItsLast30Days(t *testing.T) {
	s := demoStore(t)
	sum, err := s.Summary(context.Background(), store.SpanMonth, "2026-11-15")
	if err != nil {
		t.Fatal(err)
	}
	f, f30 := sum.Fairness, sum.Fairness30
	if f.From != "2026-11-01" || f30.From != f.From || f30.To != f.To || f30.Gini != f.Gini || f30.GiniWorkers == 0 {
		t.Fatalf("month %s..%s gini %v (%d), last 30 %s..%s gini %v", f.From, f.To, f.Gini, f.GiniWorkers, f30.From, f30.To, f30.Gini)
	}
}
