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
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		in := placeholders(len(chunk))
		// The latest call decides: a worker who declined and later accepted is not "declined".
		declined, err := queryAll(ctx, s, scanJobWorker, `SELECT c.job_id, c.worker_id FROM call_attempts c
			WHERE c.job_id IN (`+in+`) AND c.outcome = 'declined' AND NOT EXISTS (
				SELECT 1 FROM call_attempts l WHERE l.job_id = c.job_id AND l.worker_id = c.worker_id AND l.outcome <> 'declined' AND l.id > c.id)
			UNION SELECT job_id, worker_id FROM dispatches WHERE job_id IN (`+in+`) AND status = 'cancelled'
			ORDER BY 1, 2`, append(append([]any{}, chunk...), chunk...)...)
		if err != nil {
			return nil, err
		}
		for _, p := range declined {
			mj := &out[byID[p.job]]
			mj.Declined = append(mj.Declined, p.worker)
		}
		booked, err := queryAll(ctx, s, scanJobWorker, `SELECT job_id, worker_id FROM dispatches WHERE job_id IN (`+in+`) AND status <> 'cancelled' ORDER BY job_id, worker_id`, chunk...)
		if err != nil {
			return nil, err
		}
		for _, p := range booked {
			mj := &out[byID[p.job]]
			mj.Booked = append(mj.Booked, p.worker)
		}
		asked, err := queryAll(ctx, s, scanJobWorker, `SELECT r.job_id, r.worker_id FROM job_requests r JOIN jobs j ON j.id = r.job_id
			WHERE r.job_id IN (`+in+`) AND `+liveRequest+` ORDER BY r.job_id, r.worker_id`, append(append([]any{}, chunk...), mc.Now.Unix())...)
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
