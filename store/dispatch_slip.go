package store

import (
	"context"
)

// DispatchSlip reads a dispatch for printing its slip, recording that staff saw both phones.
func (s *Store) DispatchSlip(ctx context.Context, staff, id int64) (Dispatch, error) {
	d, err := s.DispatchByID(ctx, id)
	if err != nil {
		return d, err
	}
	err = s.write(ctx, staff, func(tx *Tx) error { return tx.audit("slip", "dispatch", id, "") })
	return d, err
}
