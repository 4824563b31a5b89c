package match

import (
	"math/rand"
	"reflect"
	"slices"
	"testing"
	"time"
)

// BruteForcePlan tries every way to give each worker one job or none; only
// for tiny cases, to prove Plan optimal.
func BruteForcePlan(jobs []Job, workers []Worker, rel Relations, wt Weights, now time.Time) Proposal {
	scores := make([][]int, len(workers)) // 0 = not a pair Plan may use
	for wi, w := range workers {
		scores[wi] = make([]int, len(jobs))
		for ji, j := range jobs {
			if ok, _ := Eligible(j, w, rel); ok && j.Headcount > j.Filled {
				scores[wi][ji] = Score(j, w, rel, wt, now).Score
			}
		}
	}
	left := make([]int, len(jobs))
	for ji, j := range jobs {
		left[ji] = j.Headcount - j.Filled
	}
	pick := make([]int, len(workers))
	best, bestPick := -1, []int(nil)
	var try func(wi, total int)
	try = func(wi, total int) {
		if wi == len(workers) {
			if total > best {
				best, bestPick = total, slices.Clone(pick)
			}
			return
		}
		pick[wi] = -1
		try(wi+1, total)
		for ji := range jobs {
			if s := scores[wi][ji]; s > 0 && left[ji] > 0 {
				left[ji]--
				pick[wi] = ji
				try(wi+1, total+s)
				left[ji]++
			}
		}
	}
	try(0, 0)
	p := Proposal{Total: best}
	for wi, ji := range bestPick {
		if ji >= 0 {
			p.Assignments = append(p.Assignments, Assignment{JobID: jobs[ji].ID, WorkerID: workers[wi].ID, Score: scores[wi][ji]})
		}
	}
	return p
}

func TestPlanSmall(t *testing.T) {
	// Greedy would give worker 1 (best for both) to job A and leave job B empty.
	jobA, jobB := baseJob(), baseJob()
	jobB.ID, jobB.Trade = 101, tDrain
	both := baseWorker()
	both.ID, both.Trades = 1, []TradeYears{{Trade: tPlumbing, Years: 10}, {Trade: tDrain, Years: 10}}
	both.Community = 11
	onlyA := baseWorker()
	onlyA.ID, onlyA.Trades = 2, []TradeYears{{Trade: tPlumbing, Years: 0}}
	got := Plan([]Job{jobA, jobB}, []Worker{onlyA, both}, Relations{}, DefaultWeights(), testNow)
	want := []Assignment{{JobID: 100, WorkerID: 2}, {JobID: 101, WorkerID: 1}}
	if len(got.Assignments) != 2 {
		t.Fatalf("Plan = %+v", got)
	}
	for i, a := range got.Assignments {
		if a.JobID != want[i].JobID || a.WorkerID != want[i].WorkerID {
			t.Errorf("assignment %d = %+v, want %+v", i, a, want[i])
		}
	}
	if bf := BruteForcePlan([]Job{jobA, jobB}, []Worker{onlyA, both}, Relations{}, DefaultWeights(), testNow); got.Total != bf.Total {
		t.Errorf("Total = %d, brute force %d", got.Total, bf.Total)
	}
}

func TestPlanPrefersScoreOverCount(t *testing.T) {
	// Filling both jobs would move worker 1 off the job only they suit well.
	wt := Weights{Trade: 1, Distance: 100}
	jobA, jobB := baseJob(), baseJob()
	jobB.ID, jobB.Trade, jobB.Community, jobB.SubDistrict, jobB.District = 101, tCleaning, 99, 99, 99
	local := baseWorker()
	local.ID, local.Community = 1, 11
	local.Trades = append(local.Trades, TradeYears{Trade: tCleaning})
	far := baseWorker()
	far.ID = 2
	got := Plan([]Job{jobA, jobB}, []Worker{local, far}, nil, wt, testNow)
	if len(got.Assignments) != 1 || got.Assignments[0].WorkerID != 1 || got.Assignments[0].JobID != 100 || got.Total != 101 {
		t.Errorf("Plan = %+v, want only worker 1 on job 100 for 101 points", got)
	}
}

func TestPlanEmptyAndFull(t *testing.T) {
	if p := Plan(nil, nil, nil, DefaultWeights(), testNow); len(p.Assignments) != 0 || p.Total != 0 {
		t.Errorf("empty plan = %+v", p)
	}
	job := baseJob()
	job.Filled = job.Headcount
	if p := Plan([]Job{job}, []Worker{baseWorker()}, nil, DefaultWeights(), testNow); len(p.Assignments) != 0 {
		t.Errorf("a filled job got %+v", p)
	}
	job.Filled, job.Headcount = 0, 5
	w2 := baseWorker()
	w2.ID = 8
	if p := Plan([]Job{job}, []Worker{baseWorker(), w2}, nil, DefaultWeights(), testNow); len(p.Assignments) != 2 {
		t.Errorf("more head-count than workers: %+v", p)
	}
}

func TestPlanMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewSource(20250310))
	for n := range 600 {
		workers, jobs := smallWorld.workersAndJobs(r, 1+r.Intn(6), 1+r.Intn(4), 3)
		if n >= 300 {
			crowd(workers, jobs) // everyone free and willing, so jobs compete for the same workers
		}
		wt := randomWeights(r)
		got := Plan(jobs, workers, smallRel, wt, testNow)
		want := BruteForcePlan(jobs, workers, smallRel, wt, testNow)
		if got.Total != want.Total {
			t.Fatalf("case %d: Total = %d, brute force %d\nplan  %+v\nbrute %+v", n, got.Total, want.Total, got.Assignments, want.Assignments)
		}
		checkPlan(t, n, got, jobs, workers, wt)

		again := Plan(jobs, workers, smallRel, wt, testNow)
		if !reflect.DeepEqual(got, again) {
			t.Fatalf("case %d: second run differs: %+v vs %+v", n, got, again)
		}
		shuffledW, shuffledJ := slices.Clone(workers), slices.Clone(jobs)
		r.Shuffle(len(shuffledW), func(i, j int) { shuffledW[i], shuffledW[j] = shuffledW[j], shuffledW[i] })
		r.Shuffle(len(shuffledJ), func(i, j int) { shuffledJ[i], shuffledJ[j] = shuffledJ[j], shuffledJ[i] })
		if shuffled := Plan(shuffledJ, shuffledW, smallRel, wt, testNow); !reflect.DeepEqual(got, shuffled) {
			t.Fatalf("case %d: shuffled input changes the plan: %+v vs %+v", n, got, shuffled)
		}
	}
}

func crowd(workers []Worker, jobs []Job) {
	for i := range workers {
		workers[i].Active, workers[i].Busy = true, nil
	}
	for i := range jobs {
		jobs[i].Declined, jobs[i].Booked = nil, nil
	}
}

// checkPlan verifies the plan's promises other than optimality.
func checkPlan(t *testing.T, n int, p Proposal, jobs []Job, workers []Worker, wt Weights) {
	t.Helper()
	jobByID := map[int64]Job{}
	for _, j := range jobs {
		jobByID[j.ID] = j
	}
	workerByID := map[int64]Worker{}
	for _, w := range workers {
		workerByID[w.ID] = w
	}
	seen, perJob, total := map[int64]bool{}, map[int64]int{}, 0
	for i, a := range p.Assignments {
		if i > 0 {
			prev := p.Assignments[i-1]
			if prev.JobID > a.JobID || prev.JobID == a.JobID && prev.WorkerID >= a.WorkerID {
				t.Fatalf("case %d: assignments out of order: %+v", n, p.Assignments)
			}
		}
		if seen[a.WorkerID] {
			t.Fatalf("case %d: worker %d assigned twice: %+v", n, a.WorkerID, p.Assignments)
		}
		seen[a.WorkerID] = true
		j, w := jobByID[a.JobID], workerByID[a.WorkerID]
		perJob[a.JobID]++
		if perJob[a.JobID] > j.Headcount-j.Filled {
			t.Fatalf("case %d: job %d over its head-count: %+v", n, a.JobID, p.Assignments)
		}
		if ok, reason := Eligible(j, w, smallRel); !ok {
			t.Fatalf("case %d: %+v not eligible (%s)", n, a, reason)
		}
		if s := Score(j, w, smallRel, wt, testNow).Score; s != a.Score || s <= 0 {
			t.Fatalf("case %d: %+v has score %d, Score says %d", n, a, a.Score, s)
		}
		total += a.Score
	}
	if total != p.Total {
		t.Fatalf("case %d: Total %d, assignments sum to %d", n, p.Total, total)
	}
}

func TestRankProperties(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for n := range 300 {
		workers, jobs := smallWorld.workersAndJobs(r, 1+r.Intn(40), 1, 3)
		job, wt := jobs[0], randomWeights(r)
		if r.Intn(2) == 0 {
			job.RequestedWorker = workers[r.Intn(len(workers))].ID
		}
		all := Rank(job, workers, smallRel, wt, testNow, 0)

		eligible := 0
		for _, w := range workers {
			if ok, _ := Eligible(job, w, smallRel); ok {
				eligible++
			}
		}
		if len(all) != eligible {
			t.Fatalf("case %d: %d candidates, %d eligible", n, len(all), eligible)
		}
		for i, c := range all {
			if sc := Score(job, workerWithID(workers, c.WorkerID), smallRel, wt, testNow); !reflect.DeepEqual(sc, c) {
				t.Fatalf("case %d: candidate %+v, Score gives %+v", n, c, sc)
			}
			if i == 0 {
				continue
			}
			prev := all[i-1]
			if !prev.Requested && c.Requested || prev.Requested == c.Requested && prev.Score < c.Score {
				t.Fatalf("case %d: %+v ranked before %+v", n, prev, c)
			}
		}

		shuffled := slices.Clone(workers)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if again := Rank(job, shuffled, smallRel, wt, testNow, 0); !reflect.DeepEqual(all, again) {
			t.Fatalf("case %d: shuffled input changes the ranking", n)
		}
		limit := 1 + r.Intn(8)
		top := Rank(job, shuffled, smallRel, wt, testNow, limit)
		if want := all[:min(limit, len(all))]; !reflect.DeepEqual(top, want) && len(want) > 0 {
			t.Fatalf("case %d: limit %d gives %v, want %v", n, limit, candidateIDs(top), candidateIDs(want))
		}
	}
}

func workerWithID(ws []Worker, id int64) Worker {
	for _, w := range ws {
		if w.ID == id {
			return w
		}
	}
	panic("no worker")
}

func TestRankJobsProperties(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for n := range 200 {
		workers, jobs := smallWorld.workersAndJobs(r, 1, 1+r.Intn(12), 3)
		w, wt := workers[0], randomWeights(r)
		got := RankJobs(w, jobs, smallRel, wt, testNow, 0)
		shuffled := slices.Clone(jobs)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if again := RankJobs(w, shuffled, smallRel, wt, testNow, 0); !reflect.DeepEqual(got, again) {
			t.Fatalf("case %d: shuffled jobs change the ranking", n)
		}
		open := 0
		for _, j := range jobs {
			if ok, _ := Eligible(j, w, smallRel); ok && j.Filled < j.Headcount {
				open++
			}
		}
		if len(got) != open {
			t.Fatalf("case %d: %d jobs listed, %d open and eligible", n, len(got), open)
		}
		for i := 1; i < len(got); i++ {
			if got[i-1].Score < got[i].Score {
				t.Fatalf("case %d: not sorted: %+v", n, got)
			}
		}
	}
}
