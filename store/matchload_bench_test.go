package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/match"
)

// A district-sized station: 100,000 workers and a month of history from the demo generator.
// Building it takes a while, so it runs only with GIGDESK_BIG=1; the file is kept in the
// temp folder between runs (delete gigdesk-bench-100k.db to rebuild).
func bigStation(b *testing.B) (*store.Store, store.Job) {
	b.Helper()
	if os.Getenv("GIGDESK_BIG") == "" {
		b.Skip("set GIGDESK_BIG=1 to build and load a 100,000-worker station")
	}
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, store.Shanghai)
	path := filepath.Join(os.TempDir(), "gigdesk-bench-100k.db")
	_, statErr := os.Stat(path)
	s, err := store.Open(path, store.WithClock(func() time.Time { return now }))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if statErr != nil {
		if _, err := s.Setup(ctx, "九龙坡区零工市场", "王站长"); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		c, err := demo.Generate(ctx, s, demo.Options{Workers: 100_000, Employers: 8000, Days: 30, Seed: 1, Now: now})
		if err != nil {
			os.Remove(path)
			b.Fatal(err)
		}
		b.Logf("built %s in %v", c, time.Since(start))
	}
	jobs, err := s.Jobs(ctx, store.JobFilter{From: now, Statuses: []store.JobStatus{store.JobOpen, store.JobPartly}, Limit: 1})
	if err != nil || len(jobs) == 0 {
		b.Fatalf("no open job in the big station: %v", err)
	}
	return s, jobs[0]
}

// BenchmarkLoadPool100k is what opening a job on the Match screen costs before ranking.
func BenchmarkLoadPool100k(b *testing.B) {
	s, job := bigStation(b)
	ctx := context.Background()
	mc, err := s.MatchContext(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var n int
	b.ResetTimer()
	for b.Loop() {
		pool, err := s.LoadWorkerPool(ctx, mc, store.PoolFilter{From: job.StartsAt, To: job.EndsAt()})
		if err != nil {
			b.Fatal(err)
		}
		n = len(pool.Workers)
	}
	b.ReportMetric(float64(n), "workers")
}

// BenchmarkRankLoaded100k ranks one job over the loaded pool (the pure part, once loaded).
func BenchmarkRankLoaded100k(b *testing.B) {
	s, job := bigStation(b)
	ctx := context.Background()
	mc := must(s.MatchContext(ctx))(b)
	mj, err := s.MatchJob(ctx, mc, job)
	if err != nil {
		b.Fatal(err)
	}
	pool, err := s.LoadWorkerPool(ctx, mc, store.PoolFilter{From: mj.Start, To: mj.End})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		match.Rank(mj, pool.Workers, mc.Relations, mc.Weights, mc.Now, 50)
	}
}

// BenchmarkRankForJob100k is the whole of one Match screen load: job, pool, rank, details.
func BenchmarkRankForJob100k(b *testing.B) {
	s, job := bigStation(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.RankForJob(ctx, job.ID, 50); err != nil {
			b.Fatal(err)
		}
	}
}
