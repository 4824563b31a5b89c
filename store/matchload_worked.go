package store

import (
	"context"
	"database/sql"
	"slices"
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

// workedReach is how many days from the window's first a read covers: the window and the two
// days the cache keeps a read before reading again, and a spare.
const workedReach = match.WorkedWindowDays + 3

// dayFinder numbers the local days of instants from a window's first midnight on, by a search
// of the days' midnights instead of a calendar conversion per dispatch.
type dayFinder struct {
	first int32
	mids  []int64 // mids[i] is the midnight starting day first+i; the last ends the reach
}

func newDayFinder(from int64, loc *time.Location) dayFinder {
	start := time.Unix(from, 0).In(loc)
	f := dayFinder{first: dayNumber(start), mids: make([]int64, 0, workedReach+1)}
	for i := range workedReach + 1 {
		f.mids = append(f.mids, time.Date(start.Year(), start.Month(), start.Day()+i, 0, 0, 0, 0, loc).Unix())
	}
	return f
}

// end is the midnight that ends the reach.
func (f dayFinder) end() int64 { return f.mids[len(f.mids)-1] }

// day is the number of the local day at (which lies within the reach).
func (f dayFinder) day(at int64) int32 {
	i, _ := slices.BinarySearch(f.mids, at+1) // mids[i-1] <= at < mids[i]
	return f.first + int32(i-1)
}

// workedDays maps each worker to the sorted, distinct day numbers of their dispatches
// starting at from or later (later days too: the count takes the window's share).
type workedDays map[int64][]int32

// read adds the days of the dispatches starting within workedReach days of from (a local
// midnight), of the workers ids (nil: everyone's), to d, replacing what it held of those workers.
func (d workedDays) read(ctx context.Context, tx *sql.Tx, from int64, ids []int64, loc *time.Location) error {
	days := newDayFinder(from, loc)
	q, args := `SELECT worker_id, starts_at FROM dispatches WHERE `+workedStatuses+` AND starts_at >= ? AND starts_at < ?`, []any{from, days.end()}
	if ids != nil {
		q += ` AND worker_id IN (` + placeholders(len(ids)) + `)`
		for _, id := range ids {
			args = append(args, id)
			delete(d, id)
		}
	}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	read := map[int64]bool{}
	for rows.Next() {
		var id, at int64
		if err := rows.Scan(&id, &at); err != nil {
			return err
		}
		d[id] = append(d[id], days.day(at))
		read[id] = true
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for id := range read {
		slices.Sort(d[id])
		d[id] = slices.Clip(slices.Compact(d[id]))
	}
	return nil
}

// count is how many of the days first..last the worker worked.
func (d workedDays) count(id int64, first, last int32) int {
	n := 0
	for _, day := range d[id] {
		if day >= first && day <= last {
			n++
		}
	}
	return n
}

// addWorked fills DaysWorked30 of the pool's workers from the dispatches of the window.
func (p *poolRead) addWorked(now time.Time, loc *time.Location) error {
	from, first, last := workedWindow(now, loc)
	days := newDayFinder(from, loc)
	var at int64
	seen := map[uint64]bool{} // (place in ws, day in the window) already counted
	return p.each(`SELECT worker_id, starts_at FROM dispatches WHERE `+workedStatuses+` AND starts_at >= ? AND starts_at < ?`+p.only,
		p.withOnly(from, days.mids[match.WorkedWindowDays]), func(w *match.Worker, k int) error {
			day := days.day(at)
			if key := uint64(k)<<8 | uint64(day-first); day >= first && day <= last && !seen[key] {
				seen[key] = true
				w.DaysWorked30++
			}
			return nil
		}, &at)
}
