package store

import "context"

// KeptDays is how many days' totals day_figures holds (for the tests outside the package).
func KeptDays(ctx context.Context, s *Store) (n int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM day_figures`).Scan(&n)
	return n, err
}

// SpoilKeptDay adds one to the dispatches counted on a kept day, as a fault would.
func SpoilKeptDay(ctx context.Context, s *Store) error {
	_, err := s.db.ExecContext(ctx, `UPDATE day_figures SET totals = replace(totals, '"dispatched":', '"dispatched":9') WHERE a = (SELECT min(a) FROM day_figures)`)
	return err
}

// ForgetKeptDays empties day_figures, as a bulk load leaves it.
func ForgetKeptDays(ctx context.Context, s *Store) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM day_figures`)
	return err
}
