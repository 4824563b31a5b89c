package store_test

import (
	"context"
	"testing"

	"gigdesk/store"
)

// BenchmarkFairnessDayBig and BenchmarkFairness30Big are the two fairness sections the Summary
// screen loads for a day (the day, and the 30 days to it) over the district database.
func BenchmarkFairnessDayBig(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Fairness(ctx, "2026-11-27", "2026-11-27", store.FairnessListLimit); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFairness30Big(b *testing.B) {
	s := bigStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.Fairness(ctx, "2026-10-29", "2026-11-27", store.FairnessListLimit); err != nil {
			b.Fatal(err)
		}
	}
}
