package store

import (
	"context"
	"database/sql"
	"errors"
)

// DispatchDefaults are what a dispatch of a job starts from, in the call flow and the day plan
// alike: the job's pay, and the insurance the station used last — this job's own insurer and
// policy (a group policy covers its workers) or else the station's latest dispatch's insurer.
type DispatchDefaults struct {
	PayFen    int64
	Insurance Insurance
}

// DispatchDefaults reads the defaults for dispatching to job jobID.
func (s *Store) DispatchDefaults(ctx context.Context, jobID int64) (DispatchDefaults, error) {
	j, err := s.Job(ctx, jobID)
	if err != nil {
		return DispatchDefaults{}, err
	}
	d := DispatchDefaults{PayFen: j.PayFen}
	in := &d.Insurance
	err = s.db.QueryRowContext(ctx, `SELECT insured, insurer, policy_no FROM dispatches WHERE job_id = ? ORDER BY id DESC LIMIT 1`, jobID).
		Scan(&in.Insured, &in.Insurer, &in.PolicyNo)
	if errors.Is(err, sql.ErrNoRows) {
		err = s.db.QueryRowContext(ctx, `SELECT insured, insurer FROM dispatches ORDER BY id DESC LIMIT 1`).Scan(&in.Insured, &in.Insurer)
	}
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	if err != nil {
		return DispatchDefaults{}, dbError(err, s.path)
	}
	return d, nil
}
