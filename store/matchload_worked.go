package store

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"gigdesk/store/match"
)

// The rotation factor counts a worker's days worked: the local days of the last
// match.WorkedWindowDays, today included, on which a dispatch of theirs (not cancelled) starts.
// A day is numbered as the days from 1970-01-01 to its local date, so days compare as numbers
// whatever the zone's offset.

// workedStatuses are the dispatches that count as a day worked: every one not cancelled (a
// no-show had the day given to them), by the index dispatches_status (status, starts_at, worker_id).
const workedStatuses = `status IN ('dispatched', 'checked_in', 'done', 'no_show')`

// dayNumber is the number of t's local date.
func dayNumber(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// workedWindow is the first local midnight of the window that ends with now's day, and the
// numbers of its first and last days.
func workedWindow(now time.Time, loc *time.Location) (from int64, first, last int32) {
	y, m, d := now.In(loc).Date()
	start := time.Date(y, m, d-(match.WorkedWindowDays-1), 0, 0, 0, 0, loc)
	return start.Unix(), dayNumber(start), dayNumber(now.In(loc))
}

// workedDays maps each worker to the sorted, distinct day numbers of their worked days, as
// their row of worker_pool holds them.
type workedDays map[int64][]int32

// parseWorkedDays reads a worked-days field of worker_pool's facts.
func parseWorkedDays(field []byte) []int32 {
	var out []int32
	d, in := int32(0), false
	for i := 0; i <= len(field); i++ {
		if i == len(field) || field[i] == ',' {
			if in {
				out = append(out, d)
			}
			d, in = 0, false
			continue
		}
		d, in = d*10+int32(field[i]-'0'), true
	}
	return out
}

// count is how many of the days first..last the worker worked.
func (d workedDays) count(id int64, first, last int32) int { return countDays(d[id], first, last) }

// countDays is how many of days lie in first..last.
func countDays(days []int32, first, last int32) int {
	n := 0
	for _, day := range days {
		if day >= first && day <= last {
			n++
		}
	}
	return n
}

// The pool's row of a worker (worker_pool.facts, WorkerPoolVersion 3) carries their worked days
// from the first day of the window when the row was written, later ones included, as day
// numbers comma-separated ("" for none): a one-job process (gigdesk match) then counts days
// worked from one row per worker instead of a month of dispatches. A day that has left the
// window since is simply not counted; a dispatch written since rewrote the row.

// workedOf is the worked-days field of worker_pool's facts for the dispatches' starts given
// (any order), counting from the window that ends with now's day.
func workedOf(starts []int64, now time.Time, loc *time.Location) string {
	from, _, _ := workedWindow(now, loc)
	days := make([]int32, 0, len(starts))
	for _, at := range starts {
		if at >= from {
			days = append(days, dayNumber(time.Unix(at, 0).In(loc)))
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)
	b := make([]byte, 0, len(days)*6)
	for i, d := range days {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(d), 10)
	}
	return string(b)
}

// countWorked is how many of the days in a worked-days field lie in first..last.
func countWorked(field []byte, first, last int32) int {
	return countDays(parseWorkedDays(field), first, last)
}

// workedStarts reads the starts of the dispatches that count as days worked from from on, by
// worker (of one worker when id is not 0).
func workedStarts(ctx context.Context, q querier, from, id int64) (map[int64][]int64, error) {
	query, args := `SELECT worker_id, starts_at FROM dispatches WHERE `+workedStatuses+` AND starts_at >= ?`, []any{from}
	if id != 0 {
		query, args = query+` AND worker_id = ?`, append(args, id)
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]int64{}
	for rows.Next() {
		var w, at int64
		if err := rows.Scan(&w, &at); err != nil {
			return nil, err
		}
		out[w] = append(out[w], at)
	}
	return out, rows.Err()
}

// poolWorkedField is the place of the worked days among facts' space-separated fields.
const poolWorkedField = 11

// trimWorked drops the worked days before first from a line of keptPool ("id|status|erased|facts"),
// so a row written days ago compares with one computed now.
func trimWorked(line string, first int32) string {
	bar := strings.LastIndexByte(line, '|')
	start := bar + 1
	for range poolWorkedField {
		sp := strings.IndexByte(line[start:], ' ')
		if sp < 0 {
			return line
		}
		start += sp + 1
	}
	end := strings.IndexByte(line[start:], ' ')
	if end < 0 {
		return line
	}
	var kept []string
	for d := range strings.SplitSeq(line[start:start+end], ",") {
		if n, err := strconv.Atoi(d); err == nil && int32(n) >= first {
			kept = append(kept, d)
		}
	}
	return line[:start] + strings.Join(kept, ",") + line[start+end:]
}
