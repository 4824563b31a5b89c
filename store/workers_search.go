package store

import (
	"context"
	"strings"
	"unicode"
)

// SearchWorkers finds workers from one search box: name characters, pinyin (full or initials),
// the last 4 digits of the phone, the whole phone, the ID number or the worker number.
func (s *Store) SearchWorkers(ctx context.Context, query string, limit int) ([]Worker, error) {
	q := normaliseQuery(query)
	if q == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	var where string
	var args []any
	switch {
	case isDigits(q) && len(q) == 11:
		where, args = `phone = ? AND erased = 0`, []any{q}
	case isIDLike(q):
		where, args = `id_number = ? AND erased = 0`, []any{strings.ToUpper(q)}
	case isDigits(q) && len(q) == 4:
		// four digits are a phone tail or a worker number: show both
		where, args = `(phone_tail = ? OR id = ?) AND erased = 0 ORDER BY id = ? DESC, id LIMIT ?`, []any{q, q, q, limit}
	case isDigits(q):
		where, args = `id = ? AND erased = 0`, []any{q}
	default:
		where = `erased = 0 AND id IN (
			SELECT worker_id FROM worker_keys WHERE key >= ? AND key < ? LIMIT ?) ORDER BY status = 'active' DESC, name, id LIMIT ?`
		args = []any{q, q + "\U0010FFFF", limit * 4, limit}
	}
	out, err := s.workerWhere(ctx, where, args...)
	if err != nil {
		return nil, err
	}
	return withTrades(ctx, s, out, func(w *Worker) (int64, *[]WorkerTrade) { return w.ID, &w.Trades })
}

// normaliseQuery lower-cases, folds full-width characters and drops spaces and control characters.
func normaliseQuery(q string) string {
	var b strings.Builder
	for _, r := range q {
		switch {
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		case r >= 'Ａ' && r <= 'Ｚ':
			r = r - 'Ａ' + 'a'
		case r >= 'ａ' && r <= 'ｚ':
			r = r - 'ａ' + 'a'
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == '-' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
		if b.Len() > 64 {
			break
		}
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isIDLike(s string) bool {
	return len(s) == 18 && isDigits(s[:17]) && (isDigits(s[17:]) || s[17] == 'x' || s[17] == 'X')
}
