package match

import "testing"

// A worker who asked for the job at the terminal earns the asked weight, nobody else does,
// and with the default weight (0) asking changes no score.
func TestAskedFactor(t *testing.T) {
	job, w := baseJob(), baseWorker()
	other := baseWorker()
	other.ID = w.ID + 1
	job.Asked = []int64{w.ID}
	wt := DefaultWeights()
	plain := Score(job, other, testRel, wt, testNow)
	if got := Score(job, w, testRel, wt, testNow); got.Score != plain.Score || points(got.Factors, KeyAsked) != 0 {
		t.Fatalf("default weight: asked %d vs %d", got.Score, plain.Score)
	}
	wt.Asked = 12
	got := Score(job, w, testRel, wt, testNow)
	if points(got.Factors, KeyAsked) != 12 || got.Score != plain.Score+12 {
		t.Fatalf("asked factor %+v, plain %d", got, plain.Score)
	}
	if points(Score(job, other, testRel, wt, testNow).Factors, KeyAsked) != 0 {
		t.Fatal("a worker who did not ask earned the factor")
	}
	if js := RankJobs(w, []Job{job}, testRel, wt, testNow, 0); len(js) != 1 || js[0].Near != Near(&job, &w) {
		t.Fatalf("RankJobs %+v", js)
	}
}
