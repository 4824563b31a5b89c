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
// their score's Requested points here, no other preference.
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
			if jv.ineligible(w) != "" {
				continue
			}
			pts, _ := jv.points(w, &wt, &c)
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

// solve runs successive shortest paths with Johnson potentials. Workers have a
// single residual way out (to the sink when free, back to their job when
// assigned), so Dijkstra only settles jobs and walks through workers; with
// at most a few hundred jobs a linear scan beats a heap for picking the next.
// It returns each worker's job (-1 for none) and the score of that pair.
func (g *bipartite) solve() (assign []int, score []int64) {
	nj, nw := len(g.arcs), g.workers
	assign = make([]int, nw)
	score = make([]int64, nw)
	for i := range assign {
		assign[i] = -1
	}
	remaining := slices.Clone(g.remaining)

	// Potentials make every residual cost non-negative. Initially the graph is
	// a DAG: jobs at 0, a worker at minus its best score, the sink at the least.
	potJ := make([]int64, nj)
	potW := make([]int64, nw)
	var potT int64
	for _, arcs := range g.arcs {
		for _, a := range arcs {
			potW[a.worker] = min(potW[a.worker], -a.score)
		}
	}
	for _, p := range potW {
		potT = min(potT, p)
	}

	distJ := make([]int64, nj)
	settled := make([]bool, nj)
	viaJ := make([]int, nj) // the assigned worker a job was reached through, -1 from the source
	distW := make([]int64, nw)
	viaW := make([]int, nw) // the job a worker was reached from
	viaScore := make([]int64, nw)

	for {
		for j := range distJ {
			distJ[j], settled[j], viaJ[j] = inf, false, -1
			if remaining[j] > 0 {
				distJ[j] = -potJ[j]
			}
		}
		for w := range distW {
			distW[w] = inf
		}
		distT, end := int64(inf), -1

		for {
			j, best := -1, distT
			for k, d := range distJ {
				if !settled[k] && d < best {
					j, best = k, d
				}
			}
			if j < 0 {
				break // the sink is settled: no job left closer than it
			}
			settled[j] = true
			for _, a := range g.arcs[j] {
				w := int(a.worker)
				if assign[w] == j {
					continue // this pair's forward arc is already used
				}
				d := best - a.score + potJ[j] - potW[w]
				if d >= distW[w] {
					continue
				}
				distW[w], viaW[w], viaScore[w] = d, j, a.score
				if k := assign[w]; k < 0 {
					if t := d + potW[w] - potT; t < distT {
						distT, end = t, w
					}
				} else if !settled[k] {
					// Back along the worker's current assignment, giving its score back.
					if t := d + score[w] + potW[w] - potJ[k]; t < distJ[k] {
						distJ[k], viaJ[k] = t, w
					}
				}
			}
		}
		if end < 0 {
			break // no augmenting path
		}

		// Capping distances at the sink's keeps reduced costs non-negative
		// and lets Dijkstra stop as soon as the sink is settled.
		for j := range potJ {
			potJ[j] += min(distJ[j], distT)
		}
		for w := range potW {
			potW[w] += min(distW[w], distT)
		}
		potT += distT
		if potT >= 0 {
			break // the path's real cost is potT: it would not add score
		}

		// Shift workers along the path: each takes the job it was reached from.
		for w := end; ; {
			j := viaW[w]
			next := viaJ[j]
			assign[w], score[w] = j, viaScore[w]
			if next < 0 {
				remaining[j]--
				break
			}
			w = next
		}
	}
	return assign, score
}
