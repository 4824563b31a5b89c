package store_test

import (
	"context"
	"testing"

	"gigdesk/store"
	"gigdesk/store/demo/district"
)

// The day's figures over the shared district database (GIGDESK_BIG=1; see package district).
func bigStore(b *testing.B) *store.Store { return district.Open(b) }

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

// BenchmarkDayFirstDrawBig is what the Summary screen waits for before it draws: the day's
// summary without the fairness section, which it asks for after (SummaryFairness).
func BenchmarkDayFirstDrawBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.SummaryFigures(ctx, store.SpanDay, "2026-11-27"); err != nil {
			b.Fatal(err)
		}
	}
}

// The first draw with no day kept yet (after a load, or the first Summary of a station): it
// counts and keeps the 29 days before today that the trend and the comparison read.
func BenchmarkDayFirstDrawColdBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		if err := store.ForgetKeptDays(ctx, s); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.SummaryFigures(ctx, store.SpanDay, "2026-11-27"); err != nil {
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
