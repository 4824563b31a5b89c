package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"gigdesk/store/match"
)

// MatchWeights are the station's ranking weights: settings.MatchWeights, or match's defaults.
func (s *Store) MatchWeights(ctx context.Context) (match.Weights, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return match.DefaultWeights(), err
	}
	return ParseWeights(st.MatchWeights)
}

// ParseWeights reads weights saved as JSON; "" is match.DefaultWeights. A factor missing from
// the JSON keeps its default, so weights saved before a factor existed still load.
func ParseWeights(js string) (match.Weights, error) {
	w := match.DefaultWeights()
	if strings.TrimSpace(js) == "" {
		return w, nil
	}
	if err := json.Unmarshal([]byte(js), &w); err != nil {
		return match.DefaultWeights(), &Error{Code: Invalid, Key: "match.weights_json", Field: "match_weights", Detail: "saved weights are not valid JSON", Err: err}
	}
	if err := w.Validate(); err != nil {
		return match.DefaultWeights(), weightError(err)
	}
	return w, nil
}

func weightError(err error) error {
	var we *match.WeightError
	if errors.As(err, &we) {
		return &Error{Code: Invalid, Key: "match.weight", Field: we.Field, Detail: we.Error()}
	}
	return &Error{Code: Invalid, Key: "match.weight", Detail: err.Error()}
}

// SaveMatchWeights validates and stores the ranking weights (each 0..match.MaxWeight, trade ≥ 1).
func (s *Store) SaveMatchWeights(ctx context.Context, staff int64, w match.Weights) error {
	if err := w.Validate(); err != nil {
		return weightError(err)
	}
	js, err := json.Marshal(w)
	if err != nil {
		return &Error{Code: Internal, Key: "match.weight", Err: err}
	}
	return s.write(ctx, staff, func(tx *Tx) error {
		if _, err := tx.exec(`INSERT INTO settings (key, value) VALUES ('match_weights', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(js)); err != nil {
			return err
		}
		return tx.audit("update", "match_weights", 0, string(js))
	})
}
