package store_test

import (
	"context"
	"testing"
)

// BenchmarkRightsFiguresDayBig is the rights-and-rules figures of one day, loaded beside the
// Summary screen's figures (three periods: the day, the day before, the 7 days before).
func BenchmarkRightsFiguresDayBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range [][2]string{{"2026-11-27", "2026-11-27"}, {"2026-11-26", "2026-11-26"}, {"2026-11-19", "2026-11-25"}} {
			if _, err := s.RightsFigures(ctx, p[0], p[1]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkRightsFiguresMonthBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.RightsFigures(ctx, "2026-10-01", "2026-10-31"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExpireJobsNothingDueBig is what every board reload adds: the cheap read that finds
// nothing has expired.
func BenchmarkExpireJobsNothingDueBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	if _, err := s.ExpireJobs(ctx, 0); err != nil { // the first sweep may close a backlog
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ExpireJobs(ctx, 0); err != nil {
			b.Fatal(err)
		}
	}
}
