package store

import (
	"context"
	"sort"
	"time"

	"gigdesk/store/match"
)

// DayPlan is a proposed dispatch for one date's open jobs (一键派工).
type DayPlan struct {
	Date     string
	Jobs     []PlanJob // the open jobs considered, by start then ID
	Proposal match.Proposal
	Pool     *WorkerPool
	Context  MatchContext
	MatchJob map[int64]match.Job
	Workers  map[int64]Worker // the proposed workers' details, for the screen
}

// PlanJob is one open job of the plan's date and how many it still needs.
type PlanJob struct {
	Job       Job
	Remaining int
}

// PlanDay proposes assignments for day's open jobs: the largest total of the same scores the
// Match screen shows, each worker at most one job that day (workers already dispatched that
// day are left out), none clashing with a booking, no job above its remaining head-count.
func (s *Store) PlanDay(ctx context.Context, day string) (DayPlan, error) {
	start, end, err := s.DayRange(day)
	if err != nil {
		return DayPlan{}, err
	}
	mc, err := s.MatchContext(ctx)
	if err != nil {
		return DayPlan{}, err
	}
	open, err := s.Jobs(ctx, JobFilter{From: start, To: end, Statuses: []JobStatus{JobOpen, JobPartly}})
	if err != nil {
		return DayPlan{}, err
	}
	p := DayPlan{Date: day, Context: mc, MatchJob: map[int64]match.Job{}}
	mjs, err := s.matchJobs(ctx, mc, open)
	if err != nil {
		return p, err
	}
	if err := s.notNow(ctx, mc.Now, open, mjs); err != nil {
		return p, err
	}
	from, to := start, end
	for i, j := range open {
		if rem := j.Headcount - j.Filled; rem > 0 {
			p.Jobs = append(p.Jobs, PlanJob{Job: j, Remaining: rem})
			p.MatchJob[j.ID] = mjs[i]
			to = maxTime(to, mjs[i].End)
		}
	}
	sort.SliceStable(p.Jobs, func(a, b int) bool {
		ja, jb := p.Jobs[a].Job, p.Jobs[b].Job
		if !ja.StartsAt.Equal(jb.StartsAt) {
			return ja.StartsAt.Before(jb.StartsAt)
		}
		return ja.ID < jb.ID
	})
	p.Pool, err = s.LoadWorkerPool(ctx, mc, PoolFilter{From: from, To: to, ExcludeDay: day})
	if err != nil {
		return p, err
	}
	planned := make([]match.Job, 0, len(p.Jobs))
	for _, pj := range p.Jobs {
		planned = append(planned, p.MatchJob[pj.Job.ID])
	}
	p.Proposal = match.Plan(planned, p.Pool.Workers, mc.Relations, mc.Weights, mc.Now)
	ids := make([]int64, len(p.Proposal.Assignments))
	for i, a := range p.Proposal.Assignments {
		ids[i] = a.WorkerID
	}
	p.Workers, err = s.workersByID(ctx, ids)
	return p, err
}

// notNow marks, on each of mjs (the matched open jobs), the workers a plan leaves out: those
// whose latest call today about that job was no answer or a decline, and those who did not
// answer any call in the last hour, unless they have accepted one since.
func (s *Store) notNow(ctx context.Context, now time.Time, open []Job, mjs []match.Job) error {
	if len(open) == 0 {
		return nil
	}
	y, m, d := now.In(s.loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, s.loc).Unix()
	hour := now.Add(-time.Hour).Unix()
	byID := make(map[int64]int, len(open))
	ids := make([]any, len(open))
	for i, j := range open {
		byID[j.ID], ids[i] = i, j.ID
	}
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		args := append(append([]any{today}, chunk...), hour)
		rows, err := queryAll(ctx, s, scanJobWorker, `SELECT c.job_id, c.worker_id FROM call_attempts c
			WHERE c.at >= ? AND c.job_id IN (`+placeholders(len(chunk))+`) AND c.outcome IN ('no_answer', 'declined')
				AND NOT EXISTS (SELECT 1 FROM call_attempts l WHERE l.job_id = c.job_id AND l.worker_id = c.worker_id AND l.id > c.id)
			UNION SELECT 0, c.worker_id FROM call_attempts c WHERE c.at >= ? AND c.outcome = 'no_answer'
				AND NOT EXISTS (SELECT 1 FROM call_attempts l WHERE l.worker_id = c.worker_id AND l.outcome = 'accepted' AND l.id > c.id)
			ORDER BY 1, 2`, args...)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if r.job != 0 {
				mjs[byID[r.job]].NotNow = append(mjs[byID[r.job]].NotNow, r.worker)
				continue
			}
			for i := range mjs {
				mjs[i].NotNow = append(mjs[i].NotNow, r.worker)
			}
		}
	}
	return nil
}
