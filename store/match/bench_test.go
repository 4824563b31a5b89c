package match

import (
	"math/rand"
	"testing"
)

func BenchmarkRank100k(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	workers, jobs := cityWorld.workersAndJobs(r, 100_000, 1, 3)
	job, wt := jobs[0], DefaultWeights()
	job.Trade = 1 // 水电, which has a related trade
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if got := Rank(job, workers, cityRel, wt, testNow, 50); len(got) != 50 {
			b.Fatalf("%d candidates", len(got))
		}
	}
}

func BenchmarkRankAll100k(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	workers, jobs := cityWorld.workersAndJobs(r, 100_000, 1, 3)
	job := jobs[0]
	job.Trade = 1
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Rank(job, workers, cityRel, DefaultWeights(), testNow, 0)
	}
}

func BenchmarkPlan200x5000(b *testing.B) {
	r := rand.New(rand.NewSource(2))
	workers, jobs := cityWorld.workersAndJobs(r, 5000, 200, 5)
	var p Proposal
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p = Plan(jobs, workers, cityRel, DefaultWeights(), testNow)
	}
	b.ReportMetric(float64(len(p.Assignments)), "assigned")
}
