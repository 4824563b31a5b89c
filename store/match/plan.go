package match

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Plan proposes a day's dispatch (一键派工): the set of eligible pairs with the
// largest total Score, giving each worker at most one job and each job at most
// Headcount-Filled workers. It is exact, not greedy: a min-cost flow
// source→job (cap remaining, cost 0)→worker (cap 1, cost -score)→sink (cap 1),
// augmented along shortest paths while they still add score.
//
// The caller passes one date's jobs. A worker already busy at a job's time is
// excluded by Eligible via Busy; two jobs of that date may not overlap, yet a
// worker still gets at most one job per plan. A requested worker gets only
// their score's Requested points here, no other preference. A job's NotNow workers are
// left out of the plan, though the candidate list still shows them.
func Plan(jobs []Job, workers []Worker, rel Relations, wt Weights, now time.Time) Proposal {
	// Work in ID order so ties resolve the same however the input is ordered.
	jobOrder := sortedBy(len(jobs), func(i int) int64 { return jobs[i].ID })
	workerOrder := sortedBy(len(workers), func(i int) int64 { return workers[i].ID })

	c := newClock(now)
	related := relatedIndex(rel)
	g := bipartite{workers: len(workers)}
	var planned []*Job
	for _, ji := range jobOrder {
		j := &jobs[ji]
		if j.Headcount-j.Filled <= 0 {
			continue
		}
		jv := newJobView(j, related[j.Trade])
		var arcs []arc
		for wi, ix := range workerOrder {
			w := &workers[ix]
			reason, f := jv.ineligible(w)
			if reason != "" || slices.Contains(j.NotNow, w.ID) {
				continue
			}
			pts := jv.points(w, f, &wt, &c)
			if s := sum(&pts); s > 0 {
				arcs = append(arcs, arc{worker: int32(wi), score: int64(s)})
			}
		}
		if len(arcs) > 0 {
			planned = append(planned, j)
			g.remaining = append(g.remaining, j.Headcount-j.Filled)
			g.arcs = append(g.arcs, arcs)
		}
	}

	assign, score := g.solve()
	var p Proposal
	for wi, j := range assign {
		if j >= 0 {
			p.Assignments = append(p.Assignments, Assignment{
				JobID:    planned[j].ID,
				WorkerID: workers[workerOrder[wi]].ID,
				Score:    int(score[wi]),
			})
			p.Total += int(score[wi])
		}
	}
	slices.SortFunc(p.Assignments, func(a, b Assignment) int {
		return cmp.Or(cmp.Compare(a.JobID, b.JobID), cmp.Compare(a.WorkerID, b.WorkerID))
	})
	return p
}

// sortedBy returns 0..n-1 ordered by key, ties by position.
func sortedBy(n int, key func(int) int64) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(key(a), key(b)) })
	return order
}

// arc is an eligible job→worker pair and its score.
type arc struct {
	worker int32
	score  int64
}

// bipartite is the flow network without its fixed parts: the source feeds
// job j up to remaining[j], and every worker drains to the sink with capacity 1.
type bipartite struct {
	remaining []int
	arcs      [][]arc // per job, by worker
	workers   int
}

const inf = math.MaxInt64 / 4

// solve is successive shortest paths with Johnson potentials, in phases: a
// Dijkstra pass sets the potentials, then every augmenting path of zero
// reduced cost (all equally short) is taken before the next pass.
//
// Workers have a single residual way out (to the sink when free, back to
// their job when assigned), so Dijkstra only settles jobs and passes through
// workers; with a few hundred jobs a linear scan beats a heap for the next one.
// It returns each worker's job (-1 for none) and the score of that pair.
func (g *bipartite) solve() (assign []int, score []int64) {
	nj, nw := len(g.arcs), g.workers
	s := solver{
		g:         g,
		remaining: slices.Clone(g.remaining),
		assign:    make([]int, nw),
		score:     make([]int64, nw),
		potJ:      make([]int64, nj),
		potW:      make([]int64, nw),
		seenJ:     make([]int, nj),
		seenW:     make([]int, nw),
	}
	for w := range s.assign {
		s.assign[w] = -1
	}
	// Initially the graph is a DAG: jobs at 0, a worker at minus its best
	// score, the sink at the least; every reduced cost is then non-negative.
	for _, arcs := range g.arcs {
		for _, a := range arcs {
			s.potW[a.worker] = min(s.potW[a.worker], -a.score)
		}
	}
	for _, p := range s.potW {
		s.potT = min(s.potT, p)
	}

	distJ := make([]int64, nj)
	distW := make([]int64, nw)
	settled := make([]bool, nj)
	for s.shortestPaths(distJ, distW, settled) {
		// The shortest path's real cost is potT; stop once it adds no score.
		if s.potT >= 0 {
			break
		}
		s.stamp++ // a node tried once this phase is not tried again, so a phase costs one pass over the arcs
		for j := range nj {
			for s.remaining[j] > 0 && s.potJ[j] == 0 {
				if !s.augment(j) {
					break
				}
				s.remaining[j]--
			}
		}
	}
	return s.assign, s.score
}

type solver struct {
	g         *bipartite
	remaining []int
	assign    []int   // worker's job, -1 for none
	score     []int64 // score of the worker's assigned pair
	potJ      []int64 // the source's potential stays 0
	potW      []int64
	potT      int64
	stamp     int
	seenJ     []int // stamp of the last search that entered the job
	seenW     []int
}

// shortestPaths runs Dijkstra on reduced costs and moves the potentials by
// the distances, capped at the sink's so Dijkstra can stop once the sink is
// settled and reduced costs stay non-negative. It reports whether the sink
// is reachable at all.
func (s *solver) shortestPaths(distJ, distW []int64, settled []bool) bool {
	for j := range distJ {
		distJ[j], settled[j] = inf, false
		if s.remaining[j] > 0 {
			distJ[j] = -s.potJ[j]
		}
	}
	for w := range distW {
		distW[w] = inf
	}
	distT := int64(inf)
	for {
		j, best := -1, distT
		for k, d := range distJ {
			if !settled[k] && d < best {
				j, best = k, d
			}
		}
		if j < 0 {
			break // no unsettled job is closer than the sink
		}
		settled[j] = true
		for _, a := range s.g.arcs[j] {
			w := int(a.worker)
			if s.assign[w] == j {
				continue // this pair's forward arc is already used
			}
			d := best - a.score + s.potJ[j] - s.potW[w]
			if d >= distW[w] {
				continue
			}
			distW[w] = d
			if k := s.assign[w]; k < 0 {
				distT = min(distT, d+s.potW[w]-s.potT)
			} else if !settled[k] {
				// Back along the worker's current assignment, giving its score back.
				distJ[k] = min(distJ[k], d+s.score[w]+s.potW[w]-s.potJ[k])
			}
		}
	}
	if distT == inf {
		return false
	}
	for j := range s.potJ {
		s.potJ[j] += min(distJ[j], distT)
	}
	for w := range s.potW {
		s.potW[w] += min(distW[w], distT)
	}
	s.potT += distT
	return true
}

// augment looks depth-first for a path of zero reduced cost from job j to a
// free worker, and on finding one moves each worker on it to the job before.
func (s *solver) augment(j int) bool {
	s.seenJ[j] = s.stamp
	for _, a := range s.g.arcs[j] {
		w := int(a.worker)
		k := s.assign[w]
		if k == j || s.seenW[w] == s.stamp || a.score != s.potJ[j]-s.potW[w] {
			continue // used, already tried, or not on a shortest path
		}
		s.seenW[w] = s.stamp
		if k < 0 && s.potW[w] == s.potT ||
			k >= 0 && s.seenJ[k] != s.stamp && s.score[w]+s.potW[w] == s.potJ[k] && s.augment(k) {
			s.assign[w], s.score[w] = j, a.score
			return true
		}
	}
	return false
}
