package store

import (
	"context"
	"database/sql"
	"time"

	"gigdesk/store/fairness"
	"gigdesk/store/match"
)

// waitReasonJobs caps the jobs of a period that a waiting worker's scores are read against
// (the latest first): enough to tell a habit, few enough for a district's month.
const waitReasonJobs = 2000

// waitingReasons names the waiting workers and gives each the top reason they were not
// dispatched: the calls they declined or missed; else, among the period's jobs, none in
// their trades, always busy, or the factor of their score that lost them most points.
func (s *Store) waitingReasons(ctx context.Context, waiting []fairness.Worker, a, b int64) ([]WaitingWorker, error) {
	if len(waiting) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(waiting))
	for i, w := range waiting {
		ids[i] = w.ID
	}
	details, err := s.workersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	calls, err := s.callOutcomes(ctx, ids, a, b)
	if err != nil {
		return nil, err
	}
	out := make([]WaitingWorker, len(waiting))
	var unexplained []int // those whose calls say nothing: their scores are read against the jobs
	for i, w := range waiting {
		c := calls[w.ID]
		out[i] = WaitingWorker{WorkerID: w.ID, Name: details[w.ID].Name, Groups: w.Groups, SignInDays: w.SignInDays,
			Declined: c[0], NoAnswer: c[1]}
		switch {
		case c[0] > 0 && c[0] >= c[1]:
			out[i].Reason = WaitDeclined
		case c[1] > 0:
			out[i].Reason = WaitNoAnswer
		default:
			unexplained = append(unexplained, i)
		}
	}
	if len(unexplained) > 0 {
		err = s.scoreReasons(ctx, out, unexplained, a, b)
	}
	return out, err
}

// scoreReasons gives the workers out[at...] the reason their scores against the period's jobs tell.
func (s *Store) scoreReasons(ctx context.Context, out []WaitingWorker, at []int, a, b int64) error {
	mc, err := s.MatchContext(ctx)
	if err != nil {
		return err
	}
	jobs, err := s.Jobs(ctx, JobFilter{From: time.Unix(a, 0), To: time.Unix(b, 0), Limit: waitReasonJobs, Desc: true})
	if err != nil {
		return err
	}
	pools := map[int]match.Worker{}
	var ids []int64
	for _, i := range at {
		pool, err := s.LoadWorkerPool(ctx, mc, PoolFilter{WorkerID: out[i].WorkerID, AnyStatus: true})
		if err != nil {
			return err
		}
		out[i].Reason = WaitNoTrade
		if len(pool.Workers) > 0 {
			pools[i] = pool.Workers[0]
			ids = append(ids, out[i].WorkerID)
		}
	}
	// scoreReason passes over a job in none of a worker's trades (and reads no job for a worker
	// who is inactive), so only the jobs some active one of them fits are read further; and who
	// declined, is booked or asked matters only for these workers (match.Eligible)
	var fit []Job
	for _, j := range jobs {
		for _, w := range pools {
			if _, why := match.Eligible(match.Job{ID: j.ID, Trade: j.TradeID}, w, mc.Relations); w.Active && why != match.ReasonTrade {
				fit = append(fit, j)
				break
			}
		}
	}
	mjs, err := s.matchJobsOf(ctx, mc, fit, ids)
	if err != nil {
		return err
	}
	for i, w := range pools {
		out[i].Reason = scoreReason(w, mjs, mc)
	}
	return nil
}

// callOutcomes counts each worker's declined and unanswered calls made in [a, b).
func (s *Store) callOutcomes(ctx context.Context, ids []int64, a, b int64) (map[int64][2]int, error) {
	out := map[int64][2]int{}
	args := []any{a, b}
	for _, id := range ids {
		args = append(args, id)
	}
	q := &readChain{s: s, ctx: ctx}
	q.rows(`SELECT worker_id, outcome, count(*) FROM call_attempts WHERE at >= ? AND at < ? AND outcome IN ('declined', 'no_answer')
		AND worker_id IN (`+placeholders(len(ids))+`) GROUP BY worker_id, outcome`, args, func(r *sql.Rows) error {
		var id int64
		var outcome string
		var n int
		if err := r.Scan(&id, &outcome, &n); err != nil {
			return err
		}
		c := out[id]
		if outcome == "declined" {
			c[0] = n
		} else {
			c[1] = n
		}
		out[id] = c
		return nil
	})
	return out, dbError(q.err, s.path)
}

// reasonFactors are the factors a waiting worker can be short of, with the reason each gives.
var reasonFactors = []struct{ key, reason string }{
	{match.KeyDistance, WaitTooFar}, {match.KeyPay, WaitPay}, {match.KeyReliability, WaitRecord},
	{match.KeyExperience, WaitExperience}, {match.KeyTrade, WaitRelated},
}

// scoreReason reads the worker against the period's jobs: no job in their trades, busy for
// all of them, or the factor whose points they lacked most (summed over those jobs).
func scoreReason(w match.Worker, jobs []match.Job, mc MatchContext) string {
	if !w.Active {
		return WaitInactive
	}
	full := map[string]int{
		match.KeyDistance: mc.Weights.Distance, match.KeyPay: mc.Weights.Pay, match.KeyReliability: mc.Weights.Reliability,
		match.KeyExperience: mc.Weights.Experience, match.KeyTrade: mc.Weights.Trade,
	}
	lost := map[string]int{}
	fitting, busy := 0, 0
	for _, j := range jobs {
		ok, why := match.Eligible(j, w, mc.Relations)
		if why == match.ReasonTrade {
			continue
		}
		fitting++
		if !ok {
			busy++
			continue
		}
		for _, f := range match.Score(j, w, mc.Relations, mc.Weights, mc.Now).Factors {
			if _, counted := full[f.Key]; counted {
				lost[f.Key] += full[f.Key] - f.Points
			}
		}
	}
	switch {
	case fitting == 0:
		return WaitNoTrade
	case busy == fitting:
		return WaitBusy
	}
	best, most := WaitOutranked, 0
	for _, rf := range reasonFactors {
		if lost[rf.key] > most {
			best, most = rf.reason, lost[rf.key]
		}
	}
	return best
}
