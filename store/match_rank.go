package store

import (
	"context"
	"slices"
	"time"

	"gigdesk/store/match"
)

// Ranking is a job's ranked candidates and what the screen shows about each.
type Ranking struct {
	Job        Job
	MatchJob   match.Job
	Candidates []match.Candidate
	Workers    map[int64]Candidate // by worker ID, for the candidates listed
	Pool       int                 // how many active workers were considered
	Weights    match.Weights
	Now        time.Time
	Asked      map[int64]time.Time // who asked for the job at the self-service terminal, and when
}

// Candidate is a ranked worker's details for the screen: enough to phone and to explain.
type Candidate struct {
	Worker
	Match    match.Worker
	IdleDays int
}

// RankForJob ranks the active workers for job id; limit ≤ 0 lists every eligible worker.
func (s *Store) RankForJob(ctx context.Context, id int64, limit int) (Ranking, error) {
	j, err := s.Job(ctx, id)
	if err != nil {
		return Ranking{}, err
	}
	mc, err := s.MatchContext(ctx)
	if err != nil {
		return Ranking{}, err
	}
	mj, err := s.MatchJob(ctx, mc, j)
	if err != nil {
		return Ranking{}, err
	}
	pool, err := s.LoadWorkerPool(ctx, mc, PoolFilter{From: mj.Start, To: mj.End, Trades: fittingTrades(mc.Relations, mj.Trade)})
	if err != nil {
		return Ranking{}, err
	}
	cands := match.Rank(mj, pool.Workers, mc.Relations, mc.Weights, mc.Now, limit)
	r := Ranking{Job: j, MatchJob: mj, Candidates: cands, Pool: pool.Considered, Weights: mc.Weights, Now: mc.Now}
	if r.Asked, err = s.JobRequests(ctx, id); err != nil {
		return r, err
	}
	ids := make([]int64, len(cands))
	for i, c := range cands {
		ids[i] = c.WorkerID
	}
	details, err := s.workersByID(ctx, ids)
	if err != nil {
		return r, err
	}
	r.Workers = make(map[int64]Candidate, len(cands))
	for _, id := range ids {
		mw, _ := pool.Find(id)
		r.Workers[id] = Candidate{Worker: details[id], Match: *mw, IdleDays: match.IdleDays(mw.LastDispatch, mc.Now)}
	}
	return r, nil
}

// fittingTrades is trade and the trades related to it: a worker with none of them is not eligible.
func fittingTrades(rel match.Relations, trade int64) []int64 {
	out := []int64{trade}
	for pair, ok := range rel {
		switch {
		case !ok:
		case pair[0] == trade && !slices.Contains(out, pair[1]):
			out = append(out, pair[1])
		case pair[1] == trade && !slices.Contains(out, pair[0]):
			out = append(out, pair[0])
		}
	}
	slices.Sort(out)
	return out
}

// workersByID reads workers with their trades, in chunks that stay under SQLite's variable limit.
func (s *Store) workersByID(ctx context.Context, ids []int64) (map[int64]Worker, error) {
	out := make(map[int64]Worker, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		ws, err := s.workerWhere(ctx, `id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for _, w := range ws {
			out[w.ID] = w
		}
		trades, err := s.workerTrades(ctx, chunk)
		if err != nil {
			return nil, err
		}
		for id, t := range trades {
			w := out[id]
			w.Trades = t
			out[id] = w
		}
	}
	return out, nil
}

// JobRanking is the open jobs ranked for one walk-in worker ("有活吗?").
type JobRanking struct {
	Worker     Worker
	Match      match.Worker
	Candidates []match.JobCandidate
	Jobs       map[int64]Job
	Now        time.Time
}

// RankJobsForWorker ranks the open jobs that have not started yet (or started within the
// hour) for one worker. A paused or left worker gets the reason instead of a list.
func (s *Store) RankJobsForWorker(ctx context.Context, workerID int64, limit int) (JobRanking, error) {
	w, err := s.Worker(ctx, workerID)
	if err != nil {
		return JobRanking{}, err
	}
	if w.Status != Active {
		return JobRanking{Worker: w}, workerUnavailable(w.Status)
	}
	mc, err := s.MatchContext(ctx)
	if err != nil {
		return JobRanking{}, err
	}
	open, err := s.Jobs(ctx, JobFilter{From: mc.Now.Add(-time.Hour), Statuses: []JobStatus{JobOpen, JobPartly}})
	if err != nil {
		return JobRanking{}, err
	}
	mjs, err := s.matchJobs(ctx, mc, open)
	if err != nil {
		return JobRanking{}, err
	}
	from, to := mc.Now, mc.Now
	for _, j := range mjs {
		from, to = minTime(from, j.Start), maxTime(to, j.End)
	}
	pool, err := s.LoadWorkerPool(ctx, mc, PoolFilter{WorkerID: workerID, From: from, To: to})
	if err != nil {
		return JobRanking{}, err
	}
	r := JobRanking{Worker: w, Jobs: map[int64]Job{}, Now: mc.Now}
	if len(pool.Workers) == 0 {
		return r, nil
	}
	r.Match = pool.Workers[0]
	r.Candidates = match.RankJobs(r.Match, mjs, mc.Relations, mc.Weights, mc.Now, limit)
	for _, j := range open {
		r.Jobs[j.ID] = j
	}
	return r, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
