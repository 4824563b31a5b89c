package store

import "context"

// RightsFigures are the rights-and-rules figures of a period, reported under stable keys
// (rights_cases_opened, rights_cases_resolved, training_referrals, insured_dispatches,
// below_guide_jobs):
//   - CasesOpened: rights cases opened in the period; CasesResolved: cases whose resolution
//     falls in it and that are still resolved.
//   - TrainingReferrals: workers pointed to a training offer in the period.
//   - InsuredDispatches: dispatches made in the period, not cancelled, covered by accident
//     insurance (counted like Figures.Dispatched).
//   - BelowGuideJobs: jobs posted in the period paying under the guide or the minimum hourly
//     wage, confirmed with a reason.
type RightsFigures struct {
	CasesOpened       int
	CasesResolved     int
	TrainingReferrals int
	InsuredDispatches int
	BelowGuideJobs    int
}

// RightsFigures computes the rights-and-rules figures of the station-local days [from, to].
func (s *Store) RightsFigures(ctx context.Context, from, to string) (RightsFigures, error) {
	var f RightsFigures
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		return f, err
	}
	err = s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM rights_cases WHERE opened_at >= ?1 AND opened_at < ?2),
		(SELECT count(*) FROM rights_cases WHERE resolved_at >= ?1 AND resolved_at < ?2 AND status = 'resolved'),
		(SELECT count(*) FROM training_referrals WHERE at >= ?1 AND at < ?2),
		(SELECT count(*) FROM dispatches WHERE insured = 1 AND created_at >= ?1 AND created_at < ?2 AND status <> 'cancelled'),
		(SELECT count(*) FROM jobs WHERE created_at >= ?1 AND created_at < ?2 AND below_guide = 1)`, a, b).
		Scan(&f.CasesOpened, &f.CasesResolved, &f.TrainingReferrals, &f.InsuredDispatches, &f.BelowGuideJobs)
	return f, dbError(err, s.path)
}
