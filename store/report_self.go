package store

import "context"

// SelfFigures are the workers' own terminal's figures of a period (gigdesk self):
//
//   - SignIns: the sign-ins made at the terminal (source self), by their day; they are part
//     of Figures.SignIns.
//   - Requests: the jobs asked for there ("我想去"), by when they were asked (a request taken
//     back and asked again counts once, on the last asking). Withdrawn are those of them taken
//     back since; Dispatched those whose worker now holds a dispatch on that job that was
//     not cancelled: the requests that ended in a dispatch.
//
// An erased worker's requests are gone with the rest of them; their sign-ins stay.
type SelfFigures struct {
	SignIns    int
	Requests   int
	Withdrawn  int
	Dispatched int
}

// DispatchRate is Dispatched / Requests (pooled over several days, as FillRate).
func (f SelfFigures) DispatchRate() float64 { return Ratio(f.Dispatched, f.Requests) }

// SelfSummary is the self-service figures of a summary's periods: the period, the one before
// and the 7 before together (divide by 7 for the average), as Summary's Cur, Prev and Last7.
type SelfSummary struct{ Cur, Prev, Last7 SelfFigures }

// Any reports whether the terminal was used in any of the periods: only then do the reports
// show its figures, so a station without one reads its reports as before.
func (s SelfSummary) Any() bool {
	return s.Cur != SelfFigures{} || s.Prev != SelfFigures{} || s.Last7 != SelfFigures{}
}

// selfFiguresSQL counts one period in one statement: the sign-ins through the partial index
// sign_ins_self (migration 0021), the requests through job_requests_asked, each request's
// dispatch by its worker.
const selfFiguresSQL = `SELECT
	(SELECT count(*) FROM sign_ins WHERE source = 'self' AND day >= ? AND day <= ?),
	count(*),
	coalesce(sum(CASE WHEN r.withdrawn_at IS NOT NULL THEN 1 ELSE 0 END), 0),
	coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM dispatches d WHERE d.worker_id = r.worker_id AND d.job_id = r.job_id
		AND d.status <> 'cancelled') THEN 1 ELSE 0 END), 0)
	FROM job_requests r WHERE r.asked_at >= ? AND r.asked_at < ?`

// SelfFigures counts the self-service figures of the station-local days [from, to].
func (s *Store) SelfFigures(ctx context.Context, from, to string) (SelfFigures, error) {
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		return SelfFigures{}, err
	}
	var f SelfFigures
	err = s.db.QueryRowContext(ctx, selfFiguresSQL, from, to, a, b).Scan(&f.SignIns, &f.Requests, &f.Withdrawn, &f.Dispatched)
	return f, dbError(err, s.path)
}

// selfSummary counts the three periods of a summary ({from, to} of Cur, Prev and Last7).
func (s *Store) selfSummary(ctx context.Context, r [3][2]string) (SelfSummary, error) {
	var out SelfSummary
	for i, to := range []*SelfFigures{&out.Cur, &out.Prev, &out.Last7} {
		var err error
		if *to, err = s.SelfFigures(ctx, r[i][0], r[i][1]); err != nil {
			return out, err
		}
	}
	return out, nil
}
