package store

import (
	"context"
	"strings"

	"gigdesk/store/valid"
)

// Duplicates is what the station already holds that looks like the worker being registered.
type Duplicates struct {
	// Same is the worker with the same phone or ID number (one person, one record); Field
	// says which matched ("phone" or "id_number"). Zero ID when there is none.
	Same  Worker
	Field string
	// Similar are other workers with the same name and birth year: a warning, not a refusal.
	Similar []Worker
}

// Found reports whether anything looks like a duplicate.
func (d Duplicates) Found() bool { return d.Same.ID != 0 || len(d.Similar) > 0 }

// FindDuplicates looks for a worker that w would duplicate: the same phone or ID number
// (w.ID excluded, so an edit does not find itself), then the same name and birth year.
// w is normalised as Validate would; values that do not validate are not compared.
func (s *Store) FindDuplicates(ctx context.Context, w Worker) (Duplicates, error) {
	var d Duplicates
	if p, prob := valid.Phone(w.Phone); prob == nil {
		same, err := s.workerWhere(ctx, `phone = ? AND id <> ? AND erased = 0`, p, w.ID)
		if err != nil {
			return d, err
		}
		if len(same) > 0 {
			d.Same, d.Field = same[0], "phone"
		}
	}
	if d.Same.ID == 0 && strings.TrimSpace(w.IDNumber) != "" {
		if idno, prob := valid.IDNumber(w.IDNumber, s.now()); prob == nil {
			same, err := s.workerWhere(ctx, `id_number = ? AND id <> ? AND erased = 0`, idno, w.ID)
			if err != nil {
				return d, err
			}
			if len(same) > 0 {
				d.Same, d.Field = same[0], "id_number"
			}
		}
	}
	name, prob := valid.Name(w.Name)
	if prob == nil && w.BirthYear != 0 {
		similar, err := s.workerWhere(ctx, `name = ? AND birth_year = ? AND id <> ? AND id <> ? AND erased = 0 ORDER BY id LIMIT 5`,
			name, w.BirthYear, w.ID, d.Same.ID)
		if err != nil {
			return d, err
		}
		d.Similar = similar
	}
	if d.Same.ID != 0 {
		trades, err := s.workerTrades(ctx, []int64{d.Same.ID})
		if err != nil {
			return d, err
		}
		d.Same.Trades = trades[d.Same.ID]
	}
	return d, nil
}
