package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"

	"gigdesk/store/match"
)

// JobForMe is an open job as the worker at the terminal sees it: what the door screen shows
// (no employer's name, phone or address) and why it fits them.
type JobForMe struct {
	PublicJob
	Related bool           // fits by a related trade, not one of the worker's own
	Near    match.Nearness // how close to the worker's home community
	Asked   time.Time      // when the worker asked for it; zero when they have not
}

// liveRequest is the condition for a request that still stands: not withdrawn, its job open
// and not over (a request ends with its job; nothing has to expire it). r and j are aliases.
const liveRequest = `r.withdrawn_at IS NULL AND j.status IN ('open', 'partly') AND j.starts_at + j.duration_minutes * 60 > ?`

// JobsForMe lists the open jobs of today and tomorrow that fit the worker (their trades and
// related ones, free at that time), nearest first, then their own trade before a related one,
// then the earliest. The fit is match's, as the walk-in list on the Match screen ranks it.
func (s *Store) JobsForMe(ctx context.Context, workerID int64) ([]JobForMe, error) {
	ranked, err := s.RankJobsForWorker(ctx, workerID, 0)
	if err != nil {
		return nil, err
	}
	public, err := s.PublicJobs(ctx, 0)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]PublicJob, len(public))
	for _, j := range public {
		byID[j.ID] = j
	}
	asked, err := s.myRequests(ctx, workerID)
	if err != nil {
		return nil, err
	}
	today, tomorrow := s.Today(), s.DayOf(s.now().AddDate(0, 0, 1))
	var out []JobForMe
	for _, c := range ranked.Candidates {
		j, ok := byID[c.JobID]
		if day := s.DayOf(j.StartsAt); !ok || day != today && day != tomorrow {
			continue
		}
		out = append(out, JobForMe{PublicJob: j, Related: c.Related, Near: c.Near, Asked: asked[j.ID]})
	}
	slices.SortStableFunc(out, func(a, b JobForMe) int {
		if a.Near != b.Near {
			return cmp.Compare(b.Near, a.Near)
		}
		if a.Related != b.Related {
			if a.Related {
				return 1
			}
			return -1
		}
		if d := a.StartsAt.Compare(b.StartsAt); d != 0 {
			return d
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return out, nil
}

// myRequests is the worker's standing requests: when each job was asked for, by job ID.
func (s *Store) myRequests(ctx context.Context, workerID int64) (map[int64]time.Time, error) {
	return s.liveRequests(ctx, "r.job_id", "r.worker_id", workerID)
}

// JobRequests is who asked for job jobID at the terminal and still stands by it: when, by worker ID.
func (s *Store) JobRequests(ctx context.Context, jobID int64) (map[int64]time.Time, error) {
	return s.liveRequests(ctx, "r.worker_id", "r.job_id", jobID)
}

// liveRequests is when each standing request with column where = id was made, keyed by column
// key (both are fixed column names of job_requests, never input).
func (s *Store) liveRequests(ctx context.Context, key, where string, id int64) (map[int64]time.Time, error) {
	rows, err := queryAll(ctx, s, scanJobAsked, `SELECT `+key+`, r.asked_at FROM job_requests r JOIN jobs j ON j.id = r.job_id
		WHERE `+where+` = ? AND `+liveRequest, id, s.now().Unix())
	if err != nil {
		return nil, err
	}
	out := make(map[int64]time.Time, len(rows))
	for _, r := range rows {
		out[r.id] = r.at.In(s.loc)
	}
	return out, nil
}

type idAt struct {
	id int64
	at time.Time
}

func scanJobAsked(sc scanner) (idAt, error) {
	var r idAt
	var at int64
	err := sc.Scan(&r.id, &at)
	r.at = time.Unix(at, 0)
	return r, err
}

// MyRequests lists the worker's standing requests with their jobs, earliest job first.
func (s *Store) MyRequests(ctx context.Context, workerID int64) ([]JobForMe, error) {
	asked, err := s.myRequests(ctx, workerID)
	if err != nil || len(asked) == 0 {
		return nil, err
	}
	public, err := s.PublicJobs(ctx, 0)
	if err != nil {
		return nil, err
	}
	var out []JobForMe
	for _, j := range public {
		if at, ok := asked[j.ID]; ok {
			out = append(out, JobForMe{PublicJob: j, Asked: at})
		}
	}
	return out, nil
}

// AskForJob records that the worker wants job jobID ("我想去"). The job must be open, not
// over, and one the worker fits (as JobsForMe lists); asking twice is a Conflict. Audited on
// the job with the worker's number only.
func (s *Store) AskForJob(ctx context.Context, workerID, jobID int64) (time.Time, error) {
	fits, err := s.JobsForMe(ctx, workerID)
	if err != nil {
		return time.Time{}, err
	}
	i := slices.IndexFunc(fits, func(j JobForMe) bool { return j.ID == jobID })
	if i < 0 {
		return time.Time{}, &Error{Code: Conflict, Key: "self.job_gone", Ref: jobID, Detail: "job not open to this worker"}
	}
	if !fits[i].Asked.IsZero() {
		return fits[i].Asked, &Error{Code: Conflict, Key: "self.already_asked", Ref: jobID, Detail: "already asked"}
	}
	var at time.Time
	err = s.write(ctx, 0, func(tx *Tx) error {
		at = tx.now
		var id int64
		err := tx.queryRow(`SELECT id FROM job_requests WHERE job_id = ? AND worker_id = ?`, jobID, workerID).Scan(&id)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if id, err = tx.insert(`INSERT INTO job_requests (job_id, worker_id, asked_at) VALUES (?, ?, ?)`, jobID, workerID, at.Unix()); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if _, err := tx.exec(`UPDATE job_requests SET asked_at = ?, withdrawn_at = NULL WHERE id = ?`, at.Unix(), id); err != nil {
				return err
			}
		}
		return tx.audit("self:ask", "job", jobID, refs("worker", workerID, "request", id))
	})
	return at.In(s.loc), err
}

// WithdrawRequest takes back the worker's standing request for job jobID.
func (s *Store) WithdrawRequest(ctx context.Context, workerID, jobID int64) error {
	return s.write(ctx, 0, func(tx *Tx) error {
		var id int64
		err := tx.queryRow(`SELECT id FROM job_requests WHERE job_id = ? AND worker_id = ? AND withdrawn_at IS NULL`, jobID, workerID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return &Error{Code: NotFound, Key: "self.no_request", Ref: jobID, Detail: "no standing request"}
		}
		if err != nil {
			return err
		}
		if _, err := tx.exec(`UPDATE job_requests SET withdrawn_at = ? WHERE id = ?`, tx.now.Unix(), id); err != nil {
			return err
		}
		return tx.audit("self:withdraw", "job", jobID, refs("worker", workerID, "request", id))
	})
}
