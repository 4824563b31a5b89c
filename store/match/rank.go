package match

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// ranked is one eligible worker while ranking, kept small and allocation-free.
type ranked struct {
	pts       [numFactors]int
	score     int
	last      int64 // LastDispatch in Unix nanoseconds, MinInt64 for never (longest idle)
	id        int64
	idx       int // position in the input, only to stay deterministic on duplicate IDs
	requested bool
	related   bool
}

// better orders candidates: requested first, then score, then reliability,
// then longest idle, then lower worker ID.
func better(a, b *ranked) bool {
	if a.requested != b.requested {
		return a.requested
	}
	if a.score != b.score {
		return a.score > b.score
	}
	if a.pts[fReliability] != b.pts[fReliability] {
		return a.pts[fReliability] > b.pts[fReliability]
	}
	if a.last != b.last {
		return a.last < b.last
	}
	if a.id != b.id {
		return a.id < b.id
	}
	return a.idx < b.idx
}

func lastKey(t time.Time) int64 {
	if t.IsZero() {
		return math.MinInt64
	}
	return t.UnixNano()
}

// Rank lists the workers eligible for job, best first: requested by the
// employer, then score, then reliability points, then longest idle, then
// lower worker ID. limit <= 0 means all; a small limit keeps only a heap of
// that size while scanning.
func Rank(job Job, workers []Worker, rel Relations, wt Weights, now time.Time, limit int) []Candidate {
	jv := newJobView(&job, relatedTo(rel, job.Trade))
	c := newClock(now)
	var top []ranked
	if limit > 0 {
		top = make([]ranked, 0, min(limit, len(workers)))
	}
	var r ranked
	for i := range workers {
		w := &workers[i]
		reason, f := jv.ineligible(w)
		if reason != "" {
			continue
		}
		r.pts, r.related = jv.points(w, f, &wt, &c), f.match == relatedTrade
		r.score = sum(&r.pts)
		r.last = lastKey(w.LastDispatch)
		r.id, r.idx = w.ID, i
		r.requested = jv.requested(w)
		switch {
		case limit <= 0 || len(top) < limit:
			top = append(top, r)
			if limit > 0 {
				siftUp(top, len(top)-1)
			}
		case better(&r, &top[0]):
			top[0] = r
			siftDown(top, 0)
		}
	}
	slices.SortFunc(top, func(a, b ranked) int {
		switch {
		case better(&a, &b):
			return -1
		case better(&b, &a):
			return 1
		}
		return 0
	})
	out := make([]Candidate, len(top))
	buf := make([]Factor, len(top)*numFactors)
	for i := range top {
		t := &top[i]
		out[i] = Candidate{
			WorkerID:  t.id,
			Score:     t.score,
			Factors:   factors(&t.pts, buf[i*numFactors:(i+1)*numFactors]),
			Requested: t.requested,
			Related:   t.related,
		}
	}
	return out
}

// The heap keeps the worst kept candidate at the root so it is the one replaced.
func siftUp(h []ranked, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !better(&h[p], &h[i]) {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func siftDown(h []ranked, i int) {
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && better(&h[worst], &h[l]) {
			worst = l
		}
		if r < len(h) && better(&h[worst], &h[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}

// RankJobs lists the open jobs (Filled < Headcount) a walk-in worker is
// eligible for, by the same score, then earlier start, then lower job ID.
func RankJobs(w Worker, jobs []Job, rel Relations, wt Weights, now time.Time, limit int) []JobCandidate {
	c := newClock(now)
	related := relatedIndex(rel)
	type jobRanked struct {
		pts     [numFactors]int
		score   int
		job     *Job
		related bool
	}
	var found []jobRanked
	for i := range jobs {
		j := &jobs[i]
		if j.Filled >= j.Headcount {
			continue
		}
		jv := newJobView(j, related[j.Trade])
		reason, f := jv.ineligible(&w)
		if reason != "" {
			continue
		}
		pts := jv.points(&w, f, &wt, &c)
		found = append(found, jobRanked{pts: pts, score: sum(&pts), job: j, related: f.match == relatedTrade})
	}
	slices.SortStableFunc(found, func(a, b jobRanked) int {
		if a.score != b.score {
			return b.score - a.score
		}
		if d := a.job.Start.Compare(b.job.Start); d != 0 {
			return d
		}
		return cmp.Compare(a.job.ID, b.job.ID)
	})
	if limit > 0 && len(found) > limit {
		found = found[:limit]
	}
	out := make([]JobCandidate, len(found))
	for i := range found {
		out[i] = JobCandidate{JobID: found[i].job.ID, Score: found[i].score, Factors: factors(&found[i].pts, nil),
			Related: found[i].related, Near: Near(found[i].job, &w)}
	}
	return out
}

// relatedIndex lists every trade's related trades, for callers facing many jobs.
func relatedIndex(rel Relations) map[int64][]int64 {
	idx := make(map[int64][]int64)
	for pair, ok := range rel {
		if !ok || pair[0] == pair[1] {
			continue
		}
		a, b := pair[0], pair[1]
		if !slices.Contains(idx[a], b) {
			idx[a] = append(idx[a], b)
		}
		if !slices.Contains(idx[b], a) {
			idx[b] = append(idx[b], a)
		}
	}
	return idx
}
