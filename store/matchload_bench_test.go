package store_test

import (
	"context"
	"testing"

	"gigdesk/store"
	"gigdesk/store/demo/district"
	"gigdesk/store/match"
)

// The Match screen's figures over the shared district database (GIGDESK_BIG=1; see package
// district): the pool loaded from the cache, from nothing, and after a write, and the ranking.

// BenchmarkLoadPoolBig is what opening a job on the Match screen costs before ranking, the
// static pool cached (nothing written since the last open).
func BenchmarkLoadPoolBig(b *testing.B) {
	s := district.Open(b)
	job := district.OpenJob(b, s)
	ctx := context.Background()
	mc := must(s.MatchContext(ctx))(b)
	if err := s.WarmPool(ctx); err != nil {
		b.Fatal(err)
	}
	var n int
	for b.Loop() {
		pool, err := s.LoadWorkerPool(ctx, mc, store.PoolFilter{From: job.StartsAt, To: job.EndsAt()})
		if err != nil {
			b.Fatal(err)
		}
		n = len(pool.Workers)
	}
	b.ReportMetric(float64(n), "workers")
}

// BenchmarkLoadPoolColdBig is the first load of a process: every active worker read.
func BenchmarkLoadPoolColdBig(b *testing.B) {
	district.Path(b)
	job := district.OpenJob(b, district.Open(b))
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := district.Open(b)
		mc := must(s.MatchContext(ctx))(b)
		b.StartTimer()
		if _, err := s.LoadWorkerPool(ctx, mc, store.PoolFilter{From: job.StartsAt, To: job.EndsAt()}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkRankLoadedBig ranks one job over the loaded pool (the pure part, once loaded).
func BenchmarkRankLoadedBig(b *testing.B) {
	s := district.Open(b)
	job := district.OpenJob(b, s)
	ctx := context.Background()
	mc := must(s.MatchContext(ctx))(b)
	mj := must(s.MatchJob(ctx, mc, job))(b)
	pool := must(s.LoadWorkerPool(ctx, mc, store.PoolFilter{From: mj.Start, To: mj.End}))(b)
	for b.Loop() {
		match.Rank(mj, pool.Workers, mc.Relations, mc.Weights, mc.Now, 50)
	}
}

// BenchmarkRankForJobBig is the whole of one Match screen load (job, pool, rank, details),
// the pool warmed as the screen does at start-up, nothing written since.
func BenchmarkRankForJobBig(b *testing.B) {
	s := district.Open(b)
	job := district.OpenJob(b, s)
	ctx := context.Background()
	if err := s.WarmPool(ctx); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.RankForJob(ctx, job.ID, 50); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRankForJobColdBig is a ranking in a process that has read no worker yet (gigdesk
// match, or the Match screen opened before its start-up warming is done), the store open.
func BenchmarkRankForJobColdBig(b *testing.B) {
	district.Path(b)
	job := district.OpenJob(b, district.Open(b))
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := district.Open(b)
		b.StartTimer()
		if _, err := s.RankForJob(ctx, job.ID, 50); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkRankForJobAfterWriteBig is a Match open after writes at the counter, as a busy
// station makes them between two opens (not timed): a call recorded, a worker signed in or
// out, a finished dispatch rated. It writes to a copy of the shared database.
func BenchmarkRankForJobAfterWriteBig(b *testing.B) {
	s := district.OpenCopy(b)
	job := district.OpenJob(b, s)
	ctx := context.Background()
	head := staffHead(b, s)
	var done []store.Dispatch
	for _, d := range must(s.Dispatches(ctx, store.DispatchFilter{Day: "2026-11-27"}))(b) {
		if d.Status == store.DoneStatus {
			done = append(done, d)
		}
	}
	if err := s.WarmPool(ctx); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		w := int64(1 + i%1000)
		if _, err := s.RecordCall(ctx, head, job.ID, w, store.NoAnswer, ""); err != nil {
			b.Fatal(err)
		}
		if _, err := s.SignIn(ctx, head, w); err != nil {
			if err := s.SignOut(ctx, head, w); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := s.Rate(ctx, head, done[i%len(done)].ID, 1+i%5, 0); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.RankForJob(ctx, job.ID, 50); err != nil {
			b.Fatal(err)
		}
	}
}
