package store

import (
	"context"

	"gigdesk/store/match"
)

// MatchJob turns a job into what matching needs: its time, place, pay, and who declined
// (last call declined, or cancelled a dispatch to it) or is already booked on it.
func (s *Store) MatchJob(ctx context.Context, mc MatchContext, j Job) (match.Job, error) {
	jobs, err := s.matchJobs(ctx, mc, []Job{j})
	if err != nil {
		return match.Job{}, err
	}
	return jobs[0], nil
}

// jobWorker is one (job, worker) row of matchJobs' declined and booked queries.
type jobWorker struct{ job, worker int64 }

func scanJobWorker(sc scanner) (jobWorker, error) {
	var p jobWorker
	err := sc.Scan(&p.job, &p.worker)
	return p, err
}

func (s *Store) matchJobs(ctx context.Context, mc MatchContext, js []Job) ([]match.Job, error) {
	return s.matchJobsOf(ctx, mc, js, nil)
}

// matchJobsOf is matchJobs with who declined, is booked or asked read for the workers of only
// (when not empty) and no one else: the jobs are then fit for judging those workers alone, and a
// period's two thousand jobs cost a few index probes each instead of every call made to them.
func (s *Store) matchJobsOf(ctx context.Context, mc MatchContext, js []Job, only []int64) ([]match.Job, error) {
	out := make([]match.Job, len(js))
	byID := make(map[int64]int, len(js))
	ids := make([]any, len(js))
	for i, j := range js {
		mj := match.Job{
			ID: j.ID, Trade: j.TradeID, Start: j.StartsAt.In(s.loc), End: j.EndsAt().In(s.loc),
			Headcount: j.Headcount, Filled: j.Filled, Community: j.CommunityID,
			PayFen: j.PayFen, PayUnit: match.PayUnit(j.PayUnit), RequestedWorker: j.RequestedWorkerID,
		}
		if j.CommunityID != 0 {
			mj.SubDistrict, mj.District = mc.Catalog.Area(j.CommunityID)
		}
		out[i] = mj
		byID[j.ID] = i
		ids[i] = j.ID
	}
	// of, when only is set, narrows each query to those workers: " AND worker_id IN (…)"
	of, ofArgs := workersOnly(only)
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		in := placeholders(len(chunk))
		// The latest call decides: a worker who declined and later accepted is not "declined".
		declined, err := queryAll(ctx, s, scanJobWorker, `SELECT c.job_id, c.worker_id FROM call_attempts c
			WHERE c.job_id IN (`+in+`) AND c.outcome = 'declined' AND NOT EXISTS (
				SELECT 1 FROM call_attempts l WHERE l.job_id = c.job_id AND l.worker_id = c.worker_id AND l.outcome <> 'declined' AND l.id > c.id)`+of("c.")+`
			UNION SELECT job_id, worker_id FROM dispatches WHERE job_id IN (`+in+`) AND status = 'cancelled'`+of("")+`
			ORDER BY 1, 2`, concatArgs(chunk, ofArgs, chunk, ofArgs)...)
		if err != nil {
			return nil, err
		}
		for _, p := range declined {
			mj := &out[byID[p.job]]
			mj.Declined = append(mj.Declined, p.worker)
		}
		booked, err := queryAll(ctx, s, scanJobWorker, `SELECT job_id, worker_id FROM dispatches WHERE job_id IN (`+in+`) AND status <> 'cancelled'`+of("")+`
			ORDER BY job_id, worker_id`, concatArgs(chunk, ofArgs)...)
		if err != nil {
			return nil, err
		}
		for _, p := range booked {
			mj := &out[byID[p.job]]
			mj.Booked = append(mj.Booked, p.worker)
		}
		asked, err := queryAll(ctx, s, scanJobWorker, `SELECT r.job_id, r.worker_id FROM job_requests r JOIN jobs j ON j.id = r.job_id
			WHERE r.job_id IN (`+in+`) AND `+liveRequest+of("r.")+` ORDER BY r.job_id, r.worker_id`, concatArgs(chunk, []any{mc.Now.Unix()}, ofArgs)...)
		if err != nil {
			return nil, err
		}
		for _, p := range asked { // asked at the self-service terminal (selfrequests.go)
			mj := &out[byID[p.job]]
			mj.Asked = append(mj.Asked, p.worker)
		}
	}
	return out, nil
}

// workersOnly is the condition " AND <alias>worker_id IN (…)" for the workers of only, with its
// arguments; nothing when only is empty.
func workersOnly(only []int64) (cond func(alias string) string, args []any) {
	if len(only) == 0 {
		return func(string) string { return "" }, nil
	}
	for _, id := range only {
		args = append(args, id)
	}
	in := placeholders(len(only))
	return func(alias string) string { return " AND " + alias + "worker_id IN (" + in + ")" }, args
}

// concatArgs joins argument lists into one new list.
func concatArgs(parts ...[]any) []any {
	var out []any
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
