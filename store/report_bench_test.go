package store_test

import (
	"context"
	"os"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
)

// bigNow is the clock of the district-sized benchmark database.
var bigNow = time.Date(2026, 11, 28, 17, 30, 0, 0, store.Shanghai)

// bigStore opens GIGDESK_BIG, building it first (100,000 workers over a year: about a
// million dispatches) when the file does not exist. Without the variable the benchmark is
// skipped, so CI never builds it.
func bigStore(b *testing.B) *store.Store {
	b.Helper()
	path := os.Getenv("GIGDESK_BIG")
	if path == "" {
		b.Skip("set GIGDESK_BIG=/path/to/big.db to run the report benchmarks (built on first use)")
	}
	_, statErr := os.Stat(path)
	s, err := store.Open(path, store.WithClock(func() time.Time { return bigNow }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if os.IsNotExist(statErr) {
		c, err := demo.Generate(context.Background(), s, demo.Options{Workers: 100_000, Employers: 8000, Days: 365, Seed: 7})
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s: %s", path, c)
	}
	return s
}

func BenchmarkDayFiguresBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.DayFigures(ctx, "2026-11-27", "2026-11-27"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMonthFiguresBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.DayFigures(ctx, "2026-10-01", "2026-10-31"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDaySummaryBig is what the Summary screen loads for a day: the day, yesterday,
// the 7 days before, 30 days of dispatches and the lists.
func BenchmarkDaySummaryBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Summary(ctx, store.SpanDay, "2026-11-27"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMonthSummaryBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Summary(ctx, store.SpanMonth, "2026-10-15"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDailyDispatchesBig is the Summary screen's 30-day sparkline.
func BenchmarkDailyDispatchesBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.DailyDispatches(ctx, "2026-10-29", "2026-11-27"); err != nil {
			b.Fatal(err)
		}
	}
}
